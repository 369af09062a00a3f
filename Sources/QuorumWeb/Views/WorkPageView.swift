extension WorkPage: PageView {
    func write(to h: inout HTMLWriter) {
        if let back { h += "<p><a class=\"back-link\" href=\"\(back.href)\">\(back.text)</a></p>\n" }
        h += "<h1>\(title)</h1>\n"
        if let notice { h += "<div class=\"notice\" role=\"alert\"><p>\(notice)</p></div>\n" }
        if let problem { h += "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2><p>\(problem)</p></div>\n" }
        h.paragraphs(intro)
        h += "\n"
        for link in links { h += "<p><a href=\"\(link.href)\">\(link.text)</a></p>" }
        h += "\n"
        for section in sections {
            h += """
                <section class="work-section" id="\(section.id)">
                <h2>\(section.heading)</h2>

                """
            h.paragraphs(section.intro)
            h += "\n"
            if section.hasRows {
                h += "<ul class=\"work-rows\">\n"
                for row in section.rows {
                    h += "<li>\n<p>"
                    if let href = row.href {
                        h += "<a href=\"\(href)\">\(row.text)</a>"
                    } else {
                        h += "\(row.text)"
                    }
                    h += "</p>\n"
                    for detail in row.details { h += "<p class=\"hint\">\(detail)</p>" }
                    h += "\n"
                    if row.hasButtons {
                        h += "<div class=\"item-actions\">"
                        for button in row.buttons { button.write(to: &h) }
                        h += "</div>"
                    }
                    h += "\n</li>\n"
                }
                h += "</ul>\n"
            }
            if !section.hasRows, let empty = section.empty { h += "<p>\(empty)</p>\n" }
            for titled in section.forms {
                if let heading = titled.heading { h += "<h3>\(heading)</h3>\n" }
                titled.form.write(to: &h)
            }
            h += "</section>\n"
        }
    }
}
