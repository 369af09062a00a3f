extension SearchPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += "<h1>Search</h1>\n"
        form.write(to: &h)
        h += "<p class=\"hint\">Use quotation marks for an exact phrase (\"care leavers\") and * for the beginning of a word (scrut*).</p>\n"
        for notice in notices { h += "<p class=\"notice-info\">\(notice)</p>" }
        h += "\n"
        if hasQuery {
            h += """
                <h2>Results</h2>
                <p>\(summary)</p>
                <ol class="results">

                """
            for hit in hits {
                h += "<li><h3><a href=\"\(hit.href)\">\(hit.title)</a></h3><p class=\"context\">\(hit.context)</p><p>\(hit.snippetHTML)</p></li>\n"
            }
            h += """
                </ol>
                <nav class="pager" aria-label="Pages of results">

                """
            if let previousPage { h += "<a href=\"\(previousPage)\" rel=\"prev\">Previous page</a>\n" }
            if let nextPage { h += "<a href=\"\(nextPage)\" rel=\"next\">Next page</a>\n" }
            h += "</nav>\n"
        }
    }
}
