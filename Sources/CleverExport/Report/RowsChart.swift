import Foundation

/// One file's rows over the last runs as an inline SVG: a line from zero to the most rows, and a
/// dot per run colored by its outcome (a held night red), its date and count in the dot's title.
/// No script and nothing fetched, so the page works from an e-mail or a closed network; the line
/// starts at zero so that a drop looks as large as it is.
struct RowsChart {
    struct Point {
        let asOf: String
        let rows: Int
        let outcome: String
    }

    let title: String
    let points: [Point]
    let width = 300.0, height = 110.0
    private let left = 6.0, right = 6.0, top = 22.0, bottom = 18.0

    var svg: String {
        let most = max(points.map(\.rows).max() ?? 0, 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ rows: Int) -> Double { top + plotHeight * (1 - Double(rows) / Double(most)) }
        let line = points.indices.map { "\(format(x($0))),\(format(y(points[$0].rows)))" }.joined(separator: " ")
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(escapeHTML(title)): rows over the last \(points.count) runs">
            <text x="\(left)" y="14" class="t">\(escapeHTML(title))</text><text x="\(width - right)" y="14" class="t" text-anchor="end">max \(most)</text>
            <line x1="\(left)" y1="\(format(y(0)))" x2="\(width - right)" y2="\(format(y(0)))" class="axis"/>
            <polyline points="\(line)" class="line"/>

            """
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(point.rows)))\" r=\"3\" class=\"\(Self.outcomeClass(point.outcome))\">"
                + "<title>\(escapeHTML(point.asOf)): \(point.rows) rows (\(escapeHTML(point.outcome)))</title></circle>\n"
        }
        if let first = points.first, let last = points.last {
            svg += "<text x=\"\(left)\" y=\"\(Int(height) - 4)\" class=\"d\">\(escapeHTML(first.asOf))</text>"
                + "<text x=\"\(width - right)\" y=\"\(Int(height) - 4)\" class=\"d\" text-anchor=\"end\">\(escapeHTML(last.asOf))</text>\n"
        }
        return svg + "</svg>"
    }

    /// The CSS class of a run's dot.
    static func outcomeClass(_ outcome: String) -> String {
        switch outcome {
        case "delivered": "delivered"
        case "held": "held"
        case "dry run": "dry"
        default: "failed"
        }
    }

    /// The page's styles for the charts.
    static let style = """
        svg text.t { font: bold 12px system-ui, sans-serif; } svg text.d { font: 10px system-ui, sans-serif; fill: #555; }
        svg .axis { stroke: #999; } svg .line { fill: none; stroke: #36c; stroke-width: 1.5; }
        svg .delivered { fill: #070; } svg .held { fill: #c00; } svg .dry { fill: #888; } svg .failed { fill: #d80; }
        """

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Text as HTML shows it: the five characters with a meaning escaped.
func escapeHTML(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}
