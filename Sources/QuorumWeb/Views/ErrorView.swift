extension ErrorPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <h1>\(title)</h1>
            <p>\(message)</p>
            <p><a href="/">Go to the list of committees and meetings</a></p>

            """
    }
}
