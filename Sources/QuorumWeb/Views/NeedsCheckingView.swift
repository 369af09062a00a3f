extension NeedsCheckingPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <h1>\(title)</h1>
            <p>What the imports could not read cleanly, or read and found contradicting itself, newest first. Check each against the paper (the file and line are given) and mark it as checked; the record's history says who did.</p>
            <p>\(summary)</p>

            """
        if rows.isEmpty { h += "<p>Nothing needs checking.</p>\n" }
        for row in rows {
            h += """
                <section class="progress-step">
                <p>\(row.message)</p>
                <p class="hint">
                """
            if let href = row.href {
                h += "<a href=\"\(href)\">\(row.record)</a>"
            } else {
                h += "\(row.record)"
            }
            if let source = row.source { h += " · from \(source)" }
            h += "</p>\n"
            row.form.write(to: &h)
            h += "</section>\n"
        }
    }
}
