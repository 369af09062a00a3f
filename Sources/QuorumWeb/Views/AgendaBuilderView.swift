extension AgendaBuilderPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <p><a class="back-link" href="\(back.href)">\(back.text)</a></p>
            <h1>\(title)</h1>

            """
        if let notice { h += "<div class=\"notice\" role=\"alert\"><p>\(notice)</p></div>\n" }
        if let publishError {
            h += #"<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>\#(publishError)</p></div>"#
            h += "\n"
        }
        h += """
            <p>\(status)</p>
            <h2>Deadlines</h2>
            <ul>
            """
        for deadline in deadlines { h += "<li>\(deadline)</li>" }
        h += "</ul>\n"
        h.paragraphs(publications)
        h += """

            <p><a href="\(frontSheet.href)">\(frontSheet.text)</a></p>
            <h2 id="items">Items</h2>

            """
        if !hasItems { h += "<p>The agenda has no items yet.</p>\n" }
        if hasItems {
            h += "<ol class=\"agenda-builder\">\n"
            for item in items {
                h += """
                    <li>
                    <h3>\(item.number). \(item.title)</h3>

                    """
                if !item.description.isEmpty { h += "<p>\(item.description)</p>\n" }
                h += "<p>\(item.access). \(item.state).</p>\n"
                if let report = item.report { h += "<p>\(report).</p>\n" }
                h += """
                    <p><a href="\(item.edit.href)">\(item.edit.text)</a></p>
                    <div class="item-actions">
                    """
                for button in item.buttons { button.write(to: &h) }
                h += "</div>\n</li>\n"
            }
            h += "</ol>\n"
        }
        if let standardForm {
            h += """
                <h2>The standard items</h2>
                <p>Apologies, substitutes, declarations, minutes and questions first; the work programme and the date of the next meeting last, in the council's order.</p>

                """
            standardForm.write(to: &h)
        }
        h += "<h2 id=\"add\">Add an item</h2>\n"
        addForm.write(to: &h)
        h += """
            <h2>Publish</h2>
            <p>\(publishText)</p>

            """
        if let publishForm { publishForm.write(to: &h) }
    }
}
