extension ProgressPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <p><a class="back-link" href="\(back.href)">\(back.text)</a></p>
            <h1>\(title)</h1>

            """
        if let notice { h += "<div class=\"notice\" role=\"alert\"><p>\(notice)</p></div>\n" }
        h += "<p>\(text)</p>\n"
        if sections.isEmpty {
            h += "<p>Nothing more can be recorded: it has been answered, and is not an accepted one whose implementation is tracked, or it is closed.</p>\n"
        }
        for section in sections {
            h += """
                <section class="progress-step">
                <h2>\(section.heading)</h2>
                <p>\(section.intro)</p>

                """
            if section.hasLinks {
                h += "<ul>"
                for link in section.links { h += "<li><a href=\"\(link.href)\">\(link.text)</a></li>" }
                h += "</ul>\n"
            }
            section.form.write(to: &h)
            h += "</section>\n"
        }
    }
}
