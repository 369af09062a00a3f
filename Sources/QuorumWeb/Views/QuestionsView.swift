extension QuestionsPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += "<h1>\(title)</h1>\n"
        if let notice { h += "<div class=\"notice\" role=\"alert\"><p>\(notice)</p></div>\n" }
        h += "<p>\(summary)</p>\n"
        for meeting in meetings {
            h += """
                <h2><a href="\(meeting.href)">\(meeting.heading)</a></h2>
                <p>Questions close \(meeting.deadline).</p>

                """
            for question in meeting.questions {
                h += """
                    <section class="progress-step" aria-labelledby="\(question.anchor)">
                    <h3 id="\(question.anchor)">\(question.number) to \(question.addressee): \(question.status)</h3>
                    <p>From \(question.asker)
                    """
                if let email = question.email { h += " (<a href=\"\(question.mailto)\">\(email)</a>, never published)" }
                if let received = question.received { h += ", received \(received)" }
                h += ".</p>\n<blockquote>"
                h.paragraphs(question.text)
                h += "</blockquote>\n"
                if let answer = question.answer { h += "<p><strong>Answer or reason:</strong> \(answer)</p>\n" }
                for form in question.forms { form.write(to: &h) }
                h += "</section>\n"
            }
            meeting.publish.write(to: &h)
        }
    }
}
