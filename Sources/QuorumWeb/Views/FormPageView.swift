extension FormPage: PageView {
    func write(to h: inout HTMLWriter) {
        if let back { h += "<p><a class=\"back-link\" href=\"\(back.href)\">\(back.text)</a></p>\n" }
        h += "<h1>\(title)</h1>\n"
        if let notice { h += "<div class=\"notice\" role=\"alert\"><p>\(notice)</p></div>\n" }
        h.paragraphs(intro)
        h += "\n"
        form.write(to: &h)
    }
}
