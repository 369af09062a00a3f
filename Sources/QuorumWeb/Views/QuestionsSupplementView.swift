extension QuestionsSupplementPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="\(meeting.href)">\(meeting.text)</a></li></ol></nav>
            <h1>\(title)</h1>
            <p class="lead">A supplement to the agenda: the written questions accepted for the meeting, and their answers.</p>
            <ul>
            """
        for publication in published { h += "<li>\(publication)</li>" }
        h += "</ul>\n"
        if !hasQuestions { h += "<p>No question is published.</p>\n" }
        for question in questions {
            h += """
                <section class="question">
                <h2>\(question.number): from \(question.asker), to \(question.addressee)</h2>
                <p class="label">Question</p>

                """
            h.paragraphs(question.text)
            h += "\n<p class=\"label\">Answer</p>\n"
            h.paragraphs(question.answer)
            h += "\n"
            if let supplementary = question.supplementary {
                h += "<p class=\"label\">Supplementary question at the meeting</p><p>\(supplementary)</p>\n"
            }
            if let supplementaryAnswer = question.supplementaryAnswer {
                h += "<p class=\"label\">Answer</p><p>\(supplementaryAnswer)</p>\n"
            }
            h += "</section>\n"
        }
    }
}
