extension FrontSheetPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <p><a class="back-link" href="\(back.href)">\(back.text)</a></p>
            <article class="front-sheet">
            <p class="council">\(council)</p>
            <h1>\(committee)</h1>
            <dl class="summary">
            <dt>Date</dt><dd>\(date)</dd>
            <dt>Time</dt><dd>\(time)</dd>
            <dt>Place</dt><dd>\(venue)</dd>

            """
        if let clerk {
            h += "<dt>For information, contact</dt><dd>\(clerk.name)"
            if let role = clerk.role { h += ", \(role)" }
            if let phone = clerk.phone { h += ", \(phone)" }
            if let email = clerk.email { h += ", \(email)" }
            h += "</dd>\n"
        }
        h += "</dl>\n"
        h.paragraphs(publications)
        h += "\n"
        if hasMembers {
            h += "<h2>Membership</h2>\n<ul class=\"membership\">"
            for member in members { h += "<li>\(member.name), \(member.role)</li>" }
            h += "</ul>\n"
        }
        h += """
            <h2>Agenda</h2>
            <table>
            <thead><tr><th scope="col">Item</th><th scope="col">Business</th><th scope="col">Pages</th></tr></thead>
            <tbody>

            """
        for item in items {
            h += "<tr><td>\(item.number).</td><td><strong>\(item.title)</strong>"
            if !item.description.isEmpty { h += "<br>\(item.description)" }
            h += "</td><td>\(item.pages)</td></tr>\n"
        }
        h += """
            </tbody>
            </table>
            <p>Written questions from the public are due by \(questionDeadline).</p>
            <h2>The public's rights to information and attendance at meetings</h2>
            <p>You have a right to:</p>
            <ul>
            """
        for right in rights { h += "<li>\(right)</li>" }
        h += "</ul>\n</article>\n"
    }
}
