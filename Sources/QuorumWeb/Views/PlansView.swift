/// The improvement plans.
extension PlansPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <h1>\(title)</h1>
            <p>The improvement plans the committees scrutinise: what each will do, by when, and whether its figures are moving.</p>

            """
        if !hasPlans { h += "<p>No improvement plan is recorded.</p>\n" }
        if hasPlans {
            h += "<ul>\n"
            for plan in plans {
                h += "<li><a href=\"\(plan.link.href)\">\(plan.link.text)</a>"
                if let owner = plan.owner { h += ", owned by \(owner)" }
                h += ". \(plan.latest)</li>\n"
            }
            h += "</ul>\n"
        }
    }
}
