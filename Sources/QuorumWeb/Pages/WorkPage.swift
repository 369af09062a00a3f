/// A page of work for signed-in officers: a record's parts in sections, each with its lines (each with the buttons that
/// change it) and the forms that add to it. The minutes, the work programme and the forward plan are written on such
/// pages, so they look and behave alike.
struct WorkPage: Sendable {
    let title: String
    var intro: [String] = []
    var links: [Link] = []
    var sections: [Section]
    let back: Link?
    /// Said first, as an alert: the record changed while the form was open.
    var notice: String? = nil
    /// A refusal that belongs to no one field (a publication that cannot go ahead).
    var problem: String? = nil

    struct Section: Sendable {
        /// The section's anchor, for returning to it after a change.
        let id: String
        let heading: String
        var intro: [String] = []
        var rows: [Row] = []
        /// What to say when there are no rows.
        var empty: String? = nil
        var forms: [TitledForm] = []
        var hasRows: Bool { !rows.isEmpty }
    }

    struct Row: Sendable {
        let text: String
        var href: String? = nil
        var details: [String] = []
        var buttons: [FormView] = []
        var hasButtons: Bool { !buttons.isEmpty }
    }

    struct TitledForm: Sendable {
        let heading: String?
        let form: FormView
    }
}
