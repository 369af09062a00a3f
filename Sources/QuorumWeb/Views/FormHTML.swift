// A form laid out as the GOV.UK Design System lays one out.

extension FormView: HTMLComponent {
    func write(to h: inout HTMLWriter) {
        if hasErrors {
            h += """
                <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 id="error-summary-title">There is a problem</h2>
                <ul>
                """
            for link in errorLinks { h += "<li><a href=\"#\(link.target)\">\(link.message)</a></li>" }
            h += "</ul>\n</div>\n"
        }
        h += "<form method=\"\(method)\" action=\"\(action)\""
        if let enctype { h += " enctype=\"\(enctype)\"" }
        if let formClass { h += " class=\"\(formClass)\"" }
        if let role { h += " role=\"\(role)\"" }
        h += " novalidate>\n"
        if let csrfToken { h += "<input type=\"hidden\" name=\"csrf_token\" value=\"\(csrfToken)\">\n" }
        for field in fields { field.write(to: &h) }
        h += """
            <div class="form-group"><button type="submit">\(submit)</button></div>
            </form>

            """
    }
}

extension FormField: HTMLComponent {
    func write(to h: inout HTMLWriter) {
        if isHidden {
            h += "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">\n"
            return
        }
        h += "<div class=\"form-group"
        if error != nil { h += " form-group-error" }
        h += "\">\n"
        if isDate {
            h += "<fieldset role=\"group\""
            if let describedBy { h += " aria-describedby=\"\(describedBy)\"" }
            h += "><legend>\(label)</legend>\n"
        }
        if isRadios {
            h += "<fieldset"
            if let describedBy { h += " aria-describedby=\"\(describedBy)\"" }
            h += "><legend>\(label)</legend>\n"
        }
        if isText || isFile || isTextArea || isSelect { h += "<label for=\"\(id)\">\(label)</label>\n" }
        if let hint { h += "<p class=\"hint\" id=\"\(name)-hint\">\(hint)</p>\n" }
        if let error { h += "<p class=\"error-message\" id=\"\(name)-error\"><span class=\"visually-hidden\">Error:</span> \(error)</p>\n" }
        if isText {
            h += "<input type=\"\(inputType)\" id=\"\(id)\" name=\"\(name)\" value=\"\(value)\""
            if let size { h += " size=\"\(size)\"" }
            if let inputmode { h += " inputmode=\"\(inputmode)\"" }
            if let autocomplete { h += " autocomplete=\"\(autocomplete)\"" }
            writeAria(to: &h)
            h += ">\n"
        }
        if isFile {
            h += "<input type=\"file\" id=\"\(id)\" name=\"\(name)\""
            if let accept { h += " accept=\"\(accept)\"" }
            writeAria(to: &h)
            h += ">\n"
        }
        if isTextArea {
            h += "<textarea id=\"\(id)\" name=\"\(name)\" rows=\"\(rows)\""
            writeAria(to: &h)
            h += ">\(value)</textarea>\n"
        }
        if isSelect {
            h += "<select id=\"\(id)\" name=\"\(name)\""
            writeAria(to: &h)
            h += ">"
            for option in options {
                h += "<option value=\"\(option.value)\""
                if option.isSelected { h += " selected" }
                h += ">\(option.label)</option>"
            }
            h += "</select>\n"
        }
        if isDate {
            h += "<div class=\"date-input\">"
            for part in dateParts {
                // A part has no error of its own: the field's marks each part.
                h += "<div><label for=\"\(part.id)\">\(part.label)</label> <input type=\"text\" inputmode=\"numeric\" id=\"\(part.id)\" name=\"\(part.name)\" value=\"\(part.value)\" size=\"\(part.size)\""
                if error != nil { h += " aria-invalid=\"true\"" }
                h += "></div>"
            }
            h += "</div></fieldset>\n"
        }
        if isRadios {
            h += "<div class=\"radios\">"
            for option in options {
                // The options share the field's name.
                h += "<div><input type=\"radio\" id=\"\(option.id)\" name=\"\(name)\" value=\"\(option.value)\""
                if option.isSelected { h += " checked" }
                h += "> <label class=\"inline\" for=\"\(option.id)\">\(option.label)</label></div>"
            }
            h += "</div></fieldset>\n"
        }
        if isCheckbox {
            h += "<div class=\"checkbox\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(name)\" value=\"1\""
            if isChecked { h += " checked" }
            if let describedBy { h += " aria-describedby=\"\(describedBy)\"" }
            h += "> <label class=\"inline\" for=\"\(id)\">\(label)</label></div>\n"
        }
        h += "</div>\n"
    }

    /// What a screen reader reads after the label, and whether the control is in error.
    private func writeAria(to h: inout HTMLWriter) {
        if let describedBy { h += " aria-describedby=\"\(describedBy)\"" }
        if error != nil { h += " aria-invalid=\"true\"" }
    }
}
