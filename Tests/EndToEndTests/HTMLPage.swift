import Foundation

/// A page as Python's HTML parser reads it (as a browser would, without one of its own in the
/// test): the elements left open or closed out of turn, the headings, the tables' cell texts, the
/// classes of each SVG's dots, and anything that would run or fetch.
struct HTMLPage: Decodable {
    let unclosed: [String]
    let headings: [String]
    let paragraphs: [String]
    let tables: [[[String]]]
    /// Per SVG, the class of each circle in it.
    let charts: [[String]]
    /// script elements, and src or href attributes: a self-contained page has none.
    let fetchesOrRuns: [String]

    init(_ file: URL) throws {
        let script = #"""
            import html.parser, json, sys
            implied = {"meta", "br", "hr", "img", "input", "link", "td", "th", "tr", "li", "p"}
            class Page(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__()
                    self.open, self.unclosed, self.headings, self.paragraphs = [], [], [], []
                    self.tables, self.charts, self.fetches, self.text = [], [], [], None
                def handle_starttag(self, tag, attrs):
                    if tag not in implied: self.open.append(tag)
                    self.fetches += [tag + " " + name for name, _ in attrs if name in ("src", "href")]
                    if tag == "script": self.fetches.append("script")
                    if tag == "table": self.tables.append([])
                    if tag == "tr": self.tables[-1].append([])
                    if tag == "svg": self.charts.append([])
                    if tag == "circle": self.charts[-1].append(dict(attrs).get("class", ""))
                    if tag in ("td", "th", "h2", "p"): self.text = ""
                def handle_endtag(self, tag):
                    if tag in ("td", "th") and self.text is not None: self.tables[-1][-1].append(self.text.strip()); self.text = None
                    if tag == "h2": self.headings.append(self.text.strip()); self.text = None
                    if tag == "p" and self.text is not None: self.paragraphs.append(self.text.strip()); self.text = None
                    if tag in implied: return
                    if self.open and self.open[-1] == tag: self.open.pop()
                    else: self.unclosed.append("</" + tag + ">")
                def handle_data(self, data):
                    if self.text is not None: self.text += data
            page = Page(); page.feed(open(sys.argv[1], encoding="utf-8").read())
            print(json.dumps({"unclosed": page.unclosed + ["<" + tag + ">" for tag in page.open],
                "headings": page.headings, "paragraphs": page.paragraphs, "tables": page.tables,
                "charts": page.charts, "fetchesOrRuns": page.fetches}))
            """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        self = try JSONDecoder().decode(HTMLPage.self, from: data)
    }

    /// The table whose first row is `header`.
    func table(headed header: [String]) -> [[String]]? {
        tables.first { $0.first == header }.map { Array($0.dropFirst()) }
    }
}
