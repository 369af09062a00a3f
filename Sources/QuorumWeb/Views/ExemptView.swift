extension ExemptPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <h1>\(title)</h1>
            <p>Everything held as exempt under Schedule 12A. None of it is on the public site, in feeds, search or the API. Release each only once its paragraph no longer applies: the release and its reason go into the audit log, and a later paper that marks it exempt again does not undo it. Releasing an item publishes its report; its exempt appendices stay exempt until each is released.</p>

            """
        if groups.isEmpty { h += "<p>Nothing is held as exempt.</p>\n" }
        for group in groups {
            h += "<h2>\(group.heading)</h2>\n"
            for entry in group.entries {
                h += """
                    <section class="progress-step">
                    <h3>\(entry.title)</h3>
                    <p>\(entry.access)
                    """
                if let href = entry.href { h += " · <a href=\"\(href)\">the meeting</a>" }
                h += "</p>\n"
                entry.form.write(to: &h)
                h += "</section>\n"
            }
        }
    }
}
