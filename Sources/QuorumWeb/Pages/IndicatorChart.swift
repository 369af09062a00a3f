import Foundation
import QuorumDomain

/// Charts drawn on the server as SVG, without JavaScript: an indicator's figures over time, with its target and the
/// direction that is good, and a month's audit grades. Every text in them is escaped; the markup is built here alone and
/// handed to the views as trusted HTML.
enum IndicatorChart {
    /// A line of the figures, period by period, with the target as a dashed line and `marks` (a recommendation made, its
    /// response) as labelled vertical lines at their days. `id` makes the title and description unique on the page.
    static func svg(_ indicator: Indicator, id: String, marks: [(day: CalendarDay, label: String)] = []) -> String {
        let width = 640.0, height = 280.0, left = 56.0, right = 16.0, top = 24.0, bottom = 48.0
        let points = indicator.observations
        let values = points.map(\.value) + (indicator.target.map { [$0] } ?? [])
        let top100 = indicator.unit == .percent && (values.max() ?? 0) <= 100
        let high = top100 ? 100 : niceCeiling((values.max() ?? 1) * 1.1)
        // The axis starts at 0, or below it when a figure is negative.
        let lowest = values.min() ?? 0
        let low = lowest < 0 ? -niceCeiling(-lowest * 1.1) : 0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func y(_ value: Double) -> Double { top + plotHeight - (high == low ? 0 : (value - low) / (high - low) * plotHeight) }
        func x(_ index: Int) -> Double { points.count <= 1 ? left + plotWidth / 2 : left + Double(index) / Double(points.count - 1) * plotWidth }
        /// A day's place along the time axis, between the periods it falls between.
        func x(day: CalendarDay) -> Double? {
            guard let first = points.first, let last = points.last, first.ends < last.ends else { return nil }
            if day <= first.ends { return left }
            if day >= last.ends { return left + plotWidth }
            for index in points.indices.dropLast() where day >= points[index].ends && day <= points[index + 1].ends {
                let span = Double(max(1, points[index].ends.days(until: points[index + 1].ends)))
                return x(index) + Double(points[index].ends.days(until: day)) / span * (x(index + 1) - x(index))
            }
            return nil
        }
        let direction = indicator.higherIsBetter ? "higher is better" : "lower is better"
        let title = "\(indicator.name): \(direction)"
        var desc = points.isEmpty ? "No figures are recorded." : points.map { "\($0.period): \(indicator.unit.format($0.value))" }.joined(separator: "; ") + "."
        if let target = indicator.target { desc += " Target: \(indicator.unit.format(target))." }
        for mark in marks { desc += " \(mark.label): \(mark.day.councilStyle)." }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc">\
            <title id="\(id)-title">\(escapedHTML(title))</title><desc id="\(id)-desc">\(escapedHTML(desc))</desc>
            """
        // Axes and gridlines, with the scale.
        for step in 0...4 {
            let value = low + (high - low) / 4 * Double(step)
            let gy = y(value)
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(gy))\" x2=\"\(f(width - right))\" y2=\"\(f(gy))\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(gy + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">\(escapedHTML(indicator.unit.format(value.rounded())))</text>"
        }
        for (index, point) in points.enumerated() {
            svg += "<text x=\"\(f(x(index)))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">\(escapedHTML(point.period))</text>"
        }
        if let target = indicator.target {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(target)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(target)))\" stroke=\"#00703c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            svg += "<text x=\"\(f(width - right))\" y=\"\(f(y(target) - 6))\" text-anchor=\"end\" font-size=\"12\" fill=\"#00703c\">Target \(escapedHTML(indicator.unit.format(target)))</text>"
        }
        for mark in marks {
            guard let mx = x(day: mark.day) else { continue }
            svg += "<line x1=\"\(f(mx))\" y1=\"\(f(top))\" x2=\"\(f(mx))\" y2=\"\(f(height - bottom))\" stroke=\"#4c2c92\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>"
            svg += "<text x=\"\(f(mx + 4))\" y=\"\(f(top + 12))\" font-size=\"12\" fill=\"#4c2c92\">\(escapedHTML(mark.label))</text>"
        }
        if points.count > 1 {
            svg += "<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\" points=\"" + points.indices.map { "\(f(x($0))),\(f(y(points[$0].value)))" }.joined(separator: " ") + "\"/>"
        }
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(f(x(index)))\" cy=\"\(f(y(point.value)))\" r=\"5\" fill=\"#1d70b8\"/>"
            svg += "<text x=\"\(f(x(index)))\" y=\"\(f(y(point.value) - 10))\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\" fill=\"#0b0c0c\">\(escapedHTML(indicator.unit.format(point.value)))</text>"
        }
        svg += "<text x=\"\(f(left))\" y=\"\(f(height - 8))\" font-size=\"12\" fill=\"#0b0c0c\">\(escapedHTML(direction.prefix(1).uppercased() + direction.dropFirst()))</text>"
        return svg + "</svg>"
    }

    /// One bar a month, divided by the share of audits given each grade.
    static func audits(_ months: [AuditGrades], id: String) -> String {
        let width = 640.0, rowHeight = 34.0, left = 120.0, right = 16.0, top = 36.0
        let height = top + rowHeight * Double(months.count) + 12
        // Each at least 3:1 against the page; the table beside repeats every figure.
        let colours = ["#005a30", "#5f7a1d", "#a34400", "#d4351c"]
        let desc = months.map { month in
            "\(monthName(month.month)): " + month.grades.compactMap { grade in grade.share.map { "\(grade.name) \(format(percent: $0))" } }.joined(separator: ", ")
        }.joined(separator: "; ") + "."
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc">\
            <title id="\(id)-title">Case file audits by grade, month by month</title><desc id="\(id)-desc">\(escapedHTML(desc))</desc>
            """
        var keyX = left
        for (index, name) in ["Outstanding", "Good", "Requires improvement", "Inadequate"].enumerated() {
            svg += "<rect x=\"\(f(keyX))\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(colours[index])\"/><text x=\"\(f(keyX + 16))\" y=\"18\" font-size=\"12\" fill=\"#0b0c0c\">\(name)</text>"
            keyX += Double(name.count) * 7 + 36
        }
        for (row, month) in months.enumerated() {
            let y = top + Double(row) * rowHeight
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 18))\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">\(escapedHTML(monthName(month.month)))</text>"
            var x = left
            for (index, grade) in month.grades.enumerated() {
                guard let share = grade.share, share > 0 else { continue }
                let w = share / 100 * (width - left - right)
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"24\" fill=\"\(colours[index])\"/>"
                x += w
            }
        }
        return svg + "</svg>"
    }

    static func monthName(_ day: CalendarDay) -> String { "\(CalendarDay.monthNames[day.month - 1]) \(day.year)" }

    static func format(percent: Double) -> String { Indicator.Unit.percent.format(percent) }

    /// A tidy top for an axis: 1, 2 or 5 times a power of ten.
    private static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
