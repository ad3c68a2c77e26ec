import Foundation

/// The run as one self-contained HTML page a data manager can open: the outcome first, then the
/// rows per file and their course over the last runs, what changed since the last delivery (with
/// names), the findings by check, the rows per school and each delivery's result. Long lists are
/// cut to their first lines, the rest being in the staging database, so the page stays small at
/// a million students.
struct HTMLReport {
    let report: RunReport
    /// The last runs, this one included, oldest first: the charts' points.
    var runs: [PastRun] = []
    /// Rows per school of the last run that delivered, by file (empty: none did).
    var deliveredRowsBySchool: [String: [String: Int]] = [:]
    /// School names by School_id.
    var schoolNames: [String: String] = [:]
    /// Findings listed per check; the run_finding table has them all.
    var listedPerCheck = 20
    /// Schools listed, those that changed most first; the run_school_rows table has them all.
    var listedSchools = 50
    /// Runs the charts show.
    static let chartedRuns = 30

    /// The report of `report`, with the history its charts and comparisons read.
    init(report: RunReport, history: RunHistory) throws {
        self.report = report
        runs = try history.recent(Self.chartedRuns).reversed()
        deliveredRowsBySchool = try history.deliveredRowsBySchool(before: report.runID)
        schoolNames = try history.schoolNames()
    }

    var html: String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>clever-export run \(report.runID): \(escapeHTML(report.outcome.rawValue))</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; max-width: 70em; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .error { color: #a00; font-weight: bold; } .warning { color: #a60; } .ok { color: #070; }
        .outcome { padding: .6em 1em; border-radius: 4px; font-size: 1.2em; }
        .outcome.delivered { background: #e6f4e6; } .outcome.held, .outcome.failed { background: #fbe3e3; } .outcome.dry { background: #eee; }
        .charts svg { margin: 0 1em 1em 0; border: 1px solid #ddd; }
        .more { color: #555; }
        \(RowsChart.style)
        </style></head><body>
        <h1>clever-export run \(report.runID)</h1>

        """ + outcome() + files() + charts() + changes() + validation() + schools() + deliveries() + "</body></html>\n"
    }

    /// Tonight's outcome, and why a delivery was held.
    private func outcome() -> String {
        let delivered = report.deliveries.filter(\.succeeded).map(\.target)
        let headline = switch report.outcome {
        case .delivered: delivered.isEmpty ? "Built; no delivery target configured." : "Delivered to \(delivered.joined(separator: ", "))."
        case .held: delivered.isEmpty ? "Held: nothing was delivered." : "Held in part: delivered to \(delivered.joined(separator: ", ")) only."
        case .dryRun: "Dry run: nothing was delivered."
        case .deliveryFailed: "Delivery failed" + (delivered.isEmpty ? "." : " (delivered to \(delivered.joined(separator: ", ")) only).")
        }
        var page = "<p class=\"outcome \(RowsChart.outcomeClass(report.outcome.rawValue))\"><b>\(escapeHTML(headline))</b></p>\n"
        let holds = report.allHolds
        if !holds.isEmpty {
            page += "<ul>\n" + holds.map { "<li class=error>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
        }
        return page + "<p>As of \(escapeHTML(report.asOf)); took \(String(format: "%.1f", report.seconds)) s. Staging database: \(escapeHTML(report.databasePath)).</p>\n"
    }

    private func files() -> String {
        var page = "<h2>Files</h2>\n<table><tr><th>file</th><th>rows</th><th>last delivered</th><th>added</th><th>removed</th><th>changed</th><th>errors</th><th>warnings</th></tr>\n"
        for change in report.allChanges {
            let compared = change.previousRows.map { ["\($0)", "\(change.added)", "\(change.removed)", "\(change.changed)"] }
                ?? ["-", "-", "-", "-"]
            let found = report.findings(of: change)
            page += "<tr><td>\(escapeHTML(change.name))</td>"
                + (["\(change.rows)"] + compared + ["\(found.errors)", "\(found.warnings)"]).map { "<td class=n>\($0)</td>" }.joined()
                + "</tr>\n"
        }
        return page + "</table>\n"
    }

    /// A small chart a file: its rows over the last runs.
    private func charts() -> String {
        guard !runs.isEmpty else { return "" }
        var page = "<h2>Rows over the last \(runs.count) run\(runs.count == 1 ? "" : "s")</h2>\n<div class=charts>\n"
        for change in report.allChanges {
            let points = runs.compactMap { run in
                run.rows[change.key].map { RowsChart.Point(asOf: run.asOf, rows: $0, outcome: run.outcome) }
            }
            page += RowsChart(title: change.name, points: points).svg + "\n"
        }
        return page + "</div>\n<p class=more>A dot a run: green delivered, red held, grey a dry run, orange failed.</p>\n"
    }

    /// The rows added and removed since the last delivery, by name.
    private func changes() -> String {
        let all = report.allChanges
        let changed = all.filter { $0.previousRows != nil && $0.added + $0.removed + $0.changed > 0 }
        guard all.contains(where: { $0.previousRows != nil }) else {
            return "<h2>Changes since the last delivery</h2>\n<p>Nothing was delivered before: nothing to compare with.</p>\n"
        }
        var page = "<h2>Changes since the last delivery</h2>\n"
        if changed.isEmpty { return page + "<p>No row changed.</p>\n" }
        page += "<table><tr><th>file</th><th>added</th><th>removed</th><th>changed</th></tr>\n"
        for change in changed {
            page += "<tr><td>\(escapeHTML(change.name))</td><td>\(rows(change.addedSamples, of: change.added))</td>"
                + "<td>\(rows(change.removedSamples, of: change.removed))</td><td class=n>\(change.changed)</td></tr>\n"
        }
        return page + "</table>\n"
    }

    /// "3: Ann Lee (S1), …", the first names and how many more.
    private func rows(_ samples: [ChangedRow], of count: Int) -> String {
        guard count > 0 else { return "0" }
        let names = samples.map { row in escapeHTML(row.label.map { "\($0) (\(row.key))" } ?? row.key) }
        let more = count > samples.count ? "<br><span class=more>… and \(count - samples.count) more</span>" : ""
        return "<b>\(count)</b>: " + names.joined(separator: ", ") + more
    }

    private func validation() -> String {
        let errors = report.errors.count
        var page = "<h2>Validation: \(errors) errors, \(report.findings.count - errors) warnings"
            + (report.accepted.isEmpty ? "" : ", \(report.accepted.count) accepted") + "</h2>\n"
        guard !report.findings.isEmpty else { return page }
        // By check first: how many, and how many are new (not accepted with clever-export accept).
        page += "<table><tr><th>check</th><th>severity</th><th>findings</th><th>accepted</th><th>new</th></tr>\n"
        let checks = Dictionary(grouping: report.findings) { "\($0.severity.rawValue) \($0.code)" }
        for key in checks.keys.sorted() {
            let group = checks[key]!, accepted = group.filter(report.accepted.contains).count
            page += "<tr><td>\(escapeHTML(group[0].code))</td><td class=\(group[0].severity.rawValue)>\(group[0].severity.rawValue)</td>"
                + "<td class=n>\(group.count)</td><td class=n>\(accepted)</td><td class=n>\(group.count - accepted)</td></tr>\n"
        }
        page += "</table>\n"
        page += "<table><tr><th>severity</th><th>check</th><th>file</th><th>record</th><th>problem</th><th>state</th></tr>\n"
        // A messy extract can give tens of thousands of findings: the page lists the first of
        // each check.
        for key in checks.keys.sorted() {
            let group = checks[key]!
            for finding in group.prefix(listedPerCheck) {
                page += "<tr><td class=\(finding.severity.rawValue)>\(finding.severity.rawValue)</td><td>\(escapeHTML(finding.code))</td>"
                    + "<td>\(escapeHTML(finding.file))</td><td>\(escapeHTML(finding.record))</td><td>\(escapeHTML(finding.message))</td>"
                    + "<td>\(report.accepted.contains(finding) ? "accepted" : "new")</td></tr>\n"
            }
            if group.count > listedPerCheck {
                page += "<tr><td colspan=6 class=more>… and \(group.count - listedPerCheck) more \(escapeHTML(group[0].code)) (table run_finding of the staging database has them all)</td></tr>\n"
            }
        }
        return page + "</table>\n"
    }

    /// Rows per school of each file, beside the last delivery's: the schools that changed most
    /// first (by their largest change in any file, relative to what was delivered).
    private func schools() -> String {
        let files = report.files.map(\.file).filter { $0 != .schools }
        guard !files.isEmpty else { return "" }
        func now(_ file: ExportFile, _ school: String) -> Int { report.rowsBySchool[file]?[school] ?? 0 }
        func before(_ file: ExportFile, _ school: String) -> Int? {
            deliveredRowsBySchool.isEmpty ? nil : deliveredRowsBySchool[file.rawValue]?[school] ?? 0
        }
        let ids = Set(files.flatMap { file in
            Array(report.rowsBySchool[file]?.keys ?? [:].keys) + Array(deliveredRowsBySchool[file.rawValue]?.keys ?? [:].keys)
        })
        func change(_ school: String) -> Double {
            files.map { file in
                before(file, school).map { Double(abs(now(file, school) - $0)) / Double(max($0, 1)) } ?? 0
            }.max() ?? 0
        }
        let changes = Dictionary(uniqueKeysWithValues: ids.map { ($0, change($0)) })
        let order = ids.sorted {
            (changes[$0]!, schoolNames[$1] ?? $1, $1) > (changes[$1]!, schoolNames[$0] ?? $0, $0)
        }
        var page = "<h2>Rows per school</h2>\n"
        page += deliveredRowsBySchool.isEmpty
            ? "<p>Nothing was delivered before, so there is no change to show.</p>\n"
            : "<p>In brackets: the change since the last delivery."
                + (order.count > listedSchools ? " The \(listedSchools) schools that changed most, of \(order.count); the run_school_rows table of the staging database has them all." : "") + "</p>\n"
        page += "<table><tr><th>school</th>" + files.map { "<th>\($0.rawValue)</th>" }.joined() + "</tr>\n"
        for school in order.prefix(listedSchools) {
            let name = schoolNames[school].map { "\(escapeHTML($0)) (\(escapeHTML(school)))" } ?? escapeHTML(school)
            page += "<tr><td>\(name)</td>" + files.map { file in
                let rows = now(file, school)
                let difference = before(file, school).map { rows - $0 } ?? 0
                return "<td class=n>\(rows)" + (difference == 0 ? "" : " <span class=\(difference < 0 ? "error" : "ok")>(\(difference > 0 ? "+" : "−")\(abs(difference)))</span>") + "</td>"
            }.joined() + "</tr>\n"
        }
        if order.count > listedSchools {
            page += "<tr><td colspan=\(files.count + 1) class=more>… and \(order.count - listedSchools) more schools</td></tr>\n"
        }
        return page + "</table>\n"
    }

    private func deliveries() -> String {
        var page = "<h2>Deliveries</h2>\n<ul>\n"
        for delivery in report.deliveries {
            page += delivery.succeeded
                ? "<li class=ok>delivered to \(escapeHTML(delivery.target))</li>\n"
                : "<li class=error>not delivered to \(escapeHTML(delivery.target)): \(escapeHTML(delivery.failure ?? ""))</li>\n"
        }
        if report.deliveries.isEmpty { page += "<li>none</li>\n" }
        return page + "</ul>\n"
    }

    /// Writes report.html into `directory`, replacing the previous one whole.
    /// Written under a temporary name and renamed into place; readable by its owner only, as
    /// the findings name students.
    func write(into directory: String) throws {
        let path = URL(fileURLWithPath: directory).appending(path: "report.html").path
        // One name, so that what a killed run left is replaced by the next.
        let temporary = URL(fileURLWithPath: directory).appending(path: ".report.html.tmp").path
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(html.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        var failure = written < 0 ? String(cString: strerror(errno)) : written < bytes.count ? "the disk is full" : nil
        close(descriptor)
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }
}
