/// An indicator, as plan and recommendation pages write each of
/// their indicators.
extension IndicatorView: HTMLComponent {
    func write(to h: inout HTMLWriter) {
        h += """
            <section class="indicator" id="\(anchor)">
            <h3>\(name)</h3>

            """
        h += "<p>\(direction)"
        if let target { h += " \(target)" }
        h += "</p>\n"
        if let movement { h += "<p class=\"label\">\(movement)</p>\n" }
        h += """
            <div class="chart-and-table">
            <figure class="chart-figure">\(chart)</figure>
            <table>
            <caption class="visually-hidden">The figures of \(name)</caption>
            <thead><tr><th scope="col">Period</th><th scope="col">Figure</th><th scope="col">Source</th></tr></thead>
            <tbody>
            """
        for row in rows {
            h += "<tr><th scope=\"row\">\(row.period)</th><td>\(row.value)"
            if let fraction = row.fraction { h += " (\(fraction))" }
            h += "</td><td>\(row.source)</td></tr>"
        }
        h += """
            </tbody>
            </table>
            </div>
            </section>

            """
    }
}
