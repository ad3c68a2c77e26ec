import Foundation

/// The run as one self-contained HTML page a data manager can open: counts and changes per
/// file, why a delivery was held, the validation findings, and each delivery's result.
struct HTMLReport {
    let report: RunReport
    var listedPerCheck = 200

    var html: String {
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>clever-export run \(report.runID)</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            .error { color: #a00; font-weight: bold; } .warning { color: #a60; } .ok { color: #070; }
            </style></head><body>
            <h1>clever-export run \(report.runID)</h1>
            <p>As of \(escape(report.asOf)); took \(String(format: "%.1f", report.seconds)) s; outcome:
            <b>\(escape(report.outcome.rawValue))</b>.</p>

            """
        page += "<h2>Files</h2>\n<table><tr><th>file</th><th>rows</th><th>before</th><th>added</th><th>removed</th><th>changed</th><th>errors</th><th>warnings</th></tr>\n"
        for (file, change) in zip(report.files, report.changes) {
            let cells = change.previousRows == nil
                ? ["-", "-", "-", "-"] : ["\(change.previousRows!)", "\(change.added)", "\(change.removed)", "\(change.changed)"]
            page += "<tr><td>\(file.file.rawValue).csv</td><td class=n>\(file.rows)</td>"
                + (cells + ["\(report.findings(in: file.file).errors)", "\(report.findings(in: file.file).warnings)"])
                .map { "<td class=n>\($0)</td>" }.joined() + "</tr>\n"
        }
        page += "</table>\n"
        if !report.holds.isEmpty {
            page += "<h2>Held</h2>\n<ul>\n" + report.holds.map { "<li class=error>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        let errors = report.errors.count
        page += "<h2>Validation: \(errors) errors, \(report.findings.count - errors) warnings"
            + (report.accepted.isEmpty ? "" : ", \(report.accepted.count) accepted") + "</h2>\n"
        if !report.findings.isEmpty {
            // By check first: how many, and how many are new (not accepted with clever-export accept).
            page += "<table><tr><th>check</th><th>severity</th><th>findings</th><th>accepted</th><th>new</th></tr>\n"
            let checks = Dictionary(grouping: report.findings) { "\($0.severity.rawValue) \($0.code)" }
            for key in checks.keys.sorted() {
                let group = checks[key]!, accepted = group.filter(report.accepted.contains).count
                page += "<tr><td>\(escape(group[0].code))</td><td class=\(group[0].severity.rawValue)>\(group[0].severity.rawValue)</td>"
                    + "<td class=n>\(group.count)</td><td class=n>\(accepted)</td><td class=n>\(group.count - accepted)</td></tr>\n"
            }
            page += "</table>\n"
            page += "<table><tr><th>severity</th><th>check</th><th>file</th><th>record</th><th>problem</th><th>state</th></tr>\n"
            // A messy extract can give tens of thousands of findings: the page lists the first
            // of each check; the run_finding table has them all.
            let totals = Dictionary(grouping: report.findings, by: \.code).mapValues(\.count)
            var shown: [String: Int] = [:]
            for finding in report.findings {
                shown[finding.code, default: 0] += 1
                let count = shown[finding.code]!
                if count > listedPerCheck {
                    if count == totals[finding.code] {
                        page += "<tr><td colspan=6>… and \(count - listedPerCheck) more \(escape(finding.code)) (see table run_finding in the staging database)</td></tr>\n"
                    }
                    continue
                }
                page += "<tr><td class=\(finding.severity.rawValue)>\(finding.severity.rawValue)</td><td>\(escape(finding.code))</td>"
                    + "<td>\(escape(finding.file))</td><td>\(escape(finding.record))</td><td>\(escape(finding.message))</td>"
                    + "<td>\(report.accepted.contains(finding) ? "accepted" : "new")</td></tr>\n"
            }
            page += "</table>\n"
        }
        page += "<h2>Deliveries</h2>\n<ul>\n"
        for delivery in report.deliveries {
            page += delivery.succeeded
                ? "<li class=ok>delivered to \(escape(delivery.target))</li>\n"
                : "<li class=error>not delivered to \(escape(delivery.target)): \(escape(delivery.failure ?? ""))</li>\n"
        }
        if report.deliveries.isEmpty { page += "<li>none</li>\n" }
        return page + "</ul>\n</body></html>\n"
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

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
