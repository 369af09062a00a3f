/// The words the generated archive is written in: council and scrutiny vocabulary, so that search,
/// listings and pages have realistic text to work on.
enum CouncilVocabulary {
    /// What one committee scrutinises: its name, remit, subjects and the people it asks.
    struct Theme {
        let name: String
        let remit: String
        /// Subjects of its reports and work programme: "SEND transport", "fostering sufficiency".
        let topics: [String]
        let directorate: String
        let portfolio: String
        let partners: [String]
        /// Statutory health scrutiny and crime and disorder: answers due in 28 days.
        let isStatutory: Bool
    }

    static let themes: [Theme] = [
        Theme(name: "Children and Young People Scrutiny Committee", remit: "To scrutinise services for children, young people and families.",
              topics: ["SEND transport", "fostering sufficiency", "early help", "school place planning", "care leavers", "youth justice", "elective home education"],
              directorate: "Children and Young People", portfolio: "Children and Young People", partners: ["Safeguarding Children Partnership"], isStatutory: false),
        Theme(name: "Adults and Wellbeing Scrutiny Committee", remit: "To scrutinise adult social care, public health and wellbeing.",
              topics: ["home care market", "carers strategy", "learning disability day services", "reablement", "deprivation of liberty safeguards", "loneliness"],
              directorate: "Community Wellbeing", portfolio: "Adults, Health and Wellbeing", partners: ["Safeguarding Adults Board"], isStatutory: false),
        Theme(name: "Health and Care Scrutiny Committee", remit: "To discharge the council's statutory health scrutiny functions.",
              topics: ["hospital discharge", "GP access", "ambulance handover delays", "mental health crisis care", "dental services", "stroke services"],
              directorate: "Public Health", portfolio: "Adults, Health and Wellbeing", partners: ["Integrated Care Board", "Wye Valley NHS Trust", "West Midlands Ambulance Service"], isStatutory: true),
        Theme(name: "Environment and Sustainability Scrutiny Committee", remit: "To scrutinise waste, climate and the natural environment.",
              topics: ["kerbside recycling", "river phosphate levels", "tree planting", "flood resilience", "fly-tipping enforcement", "carbon reduction"],
              directorate: "Economy and Environment", portfolio: "Environment", partners: ["Environment Agency"], isStatutory: false),
        Theme(name: "Housing Scrutiny Committee", remit: "To scrutinise housing supply, homelessness and private sector housing.",
              topics: ["homelessness prevention", "temporary accommodation", "affordable housing delivery", "disabled facilities grants", "empty homes", "rough sleeping"],
              directorate: "Community Wellbeing", portfolio: "Housing", partners: ["Registered Providers Forum"], isStatutory: false),
        Theme(name: "Economy and Place Scrutiny Committee", remit: "To scrutinise economic development, regeneration and planning policy.",
              topics: ["town centre regeneration", "local plan review", "skills and apprenticeships", "rural broadband", "visitor economy", "business rates relief"],
              directorate: "Economy and Environment", portfolio: "Economy and Growth", partners: ["Local Enterprise Partnership"], isStatutory: false),
        Theme(name: "Communities and Safety Scrutiny Committee", remit: "To discharge the council's crime and disorder scrutiny functions.",
              topics: ["community safety partnership plan", "antisocial behaviour", "domestic abuse services", "CCTV", "county lines", "hate crime"],
              directorate: "Community Wellbeing", portfolio: "Community Safety", partners: ["Community Safety Partnership", "West Mercia Police"], isStatutory: true),
        Theme(name: "Corporate Resources Scrutiny Committee", remit: "To scrutinise the council's finances, workforce, property and digital services.",
              topics: ["medium term financial strategy", "capital programme", "agency staff spend", "asset disposals", "council tax collection", "sickness absence"],
              directorate: "Corporate Services", portfolio: "Finance and Corporate Services", partners: ["External Auditor"], isStatutory: false),
        Theme(name: "Transport and Highways Scrutiny Committee", remit: "To scrutinise roads, public transport and active travel.",
              topics: ["pothole repairs", "bus service improvement plan", "winter gritting", "active travel routes", "road safety", "parking enforcement"],
              directorate: "Economy and Environment", portfolio: "Roads and Regulatory Services", partners: ["Balfour Beatty Living Places"], isStatutory: false),
        Theme(name: "Education Scrutiny Committee", remit: "To scrutinise school standards, attendance and inclusion.",
              topics: ["persistent absence", "exclusions", "key stage 2 attainment", "school improvement", "post-16 participation", "alternative provision"],
              directorate: "Children and Young People", portfolio: "Education", partners: ["Schools Forum"], isStatutory: false),
        Theme(name: "Audit and Governance Committee", remit: "To oversee internal audit, risk management and the annual governance statement.",
              topics: ["internal audit plan", "strategic risk register", "annual governance statement", "counter fraud", "treasury management", "statement of accounts"],
              directorate: "Corporate Services", portfolio: "Finance and Corporate Services", partners: ["External Auditor"], isStatutory: false),
        Theme(name: "Scrutiny Management Board", remit: "To coordinate the scrutiny work programme and consider call-ins.",
              topics: ["call-in procedure", "scrutiny annual report", "budget consultation", "corporate plan performance", "member development", "forward plan review"],
              directorate: "Corporate Services", portfolio: "Leader of the Council", partners: ["Centre for Governance and Scrutiny"], isStatutory: false),
        Theme(name: "Climate Emergency Scrutiny Committee", remit: "To scrutinise progress towards net zero and nature recovery.",
              topics: ["net zero pathway", "solar on council buildings", "electric vehicle charging", "retrofit programme", "biodiversity net gain", "nutrient neutrality"],
              directorate: "Economy and Environment", portfolio: "Environment", partners: ["Climate and Nature Partnership"], isStatutory: false),
        Theme(name: "Culture, Leisure and Tourism Scrutiny Committee", remit: "To scrutinise libraries, museums, leisure centres and tourism.",
              topics: ["library service review", "museum resource centre", "leisure centre contract", "heritage assets", "events programme", "public rights of way"],
              directorate: "Community Wellbeing", portfolio: "Culture and Leisure", partners: ["Leisure Trust"], isStatutory: false),
        Theme(name: "Finance and Performance Scrutiny Committee", remit: "To scrutinise budget monitoring and corporate performance.",
              topics: ["revenue budget monitoring", "savings delivery", "performance dashboard", "reserves strategy", "fees and charges", "procurement pipeline"],
              directorate: "Corporate Services", portfolio: "Finance and Corporate Services", partners: ["External Auditor"], isStatutory: false),
        Theme(name: "Crime and Disorder Scrutiny Committee", remit: "To scrutinise the community safety partnership as the crime and disorder committee.",
              topics: ["serious violence duty", "reducing reoffending", "rural crime", "night-time economy", "modern slavery", "youth diversion"],
              directorate: "Community Wellbeing", portfolio: "Community Safety", partners: ["Police and Crime Commissioner", "Probation Service"], isStatutory: true),
        Theme(name: "Digital and Customer Services Scrutiny Committee", remit: "To scrutinise digital services, customer contact and data protection.",
              topics: ["customer contact centre", "website accessibility", "cyber security", "freedom of information requests", "digital inclusion", "data protection breaches"],
              directorate: "Corporate Services", portfolio: "Digital and Customer Services", partners: ["Information Commissioner's Office"], isStatutory: false),
        Theme(name: "Rural Affairs Scrutiny Committee", remit: "To scrutinise services for rural communities and market towns.",
              topics: ["rural bus routes", "village halls", "parish council liaison", "agricultural pollution", "rural housing", "market town investment plans"],
              directorate: "Economy and Environment", portfolio: "Rural Affairs", partners: ["Association of Local Councils"], isStatutory: false),
        Theme(name: "Planning and Regulatory Committee", remit: "To determine planning applications and regulatory matters referred to it.",
              topics: ["planning enforcement", "five year housing land supply", "conservation areas", "section 106 contributions", "minerals and waste plan", "design code"],
              directorate: "Economy and Environment", portfolio: "Planning and Regulatory Services", partners: ["Planning Inspectorate"], isStatutory: false),
        Theme(name: "Licensing Committee", remit: "To oversee licensing policy for alcohol, gambling and taxis.",
              topics: ["taxi licensing policy", "statement of licensing policy", "gambling policy", "street trading", "cumulative impact assessment", "animal welfare licensing"],
              directorate: "Economy and Environment", portfolio: "Roads and Regulatory Services", partners: ["West Mercia Police"], isStatutory: false),
    ]

    static let reportKinds = [
        "annual report", "performance update", "strategy refresh", "budget monitoring", "inspection findings", "improvement plan progress",
        "consultation outcome", "commissioning review", "quarterly performance report", "task and finish group findings", "pre-decision scrutiny",
    ]

    static let firstNames = [
        "Toni", "Liz", "Ben", "Jan", "Pauline", "Danial", "Simon", "Jonathan", "Carole", "Peter", "Diana", "Felicity", "Graham", "Hannah", "Ian",
        "Jenny", "Kevin", "Louise", "Mark", "Nigel", "Olivia", "Paul", "Rachel", "Sarah", "Terry", "Ursula", "Victoria", "William", "Yvonne",
        "Alan", "Bernard", "Christine", "David", "Elizabeth", "Frank", "Gemma", "Helen", "Imran", "Judith", "Kate", "Leon", "Marian", "Naomi",
        "Owen", "Priya", "Robert", "Sally", "Trevor", "Vanessa", "Wendy",
    ]
    static let surnames = [
        "Fagan", "Harvey", "Proctor", "Frances", "Crockett", "Webb", "Cann", "Lester", "Gandy", "Jinman", "Bramer", "Andrews", "Powell", "Bowen",
        "Chowns", "Durkin", "Edwards", "Ford", "Guthrie", "Hitchiner", "Ivey", "James", "Kenyon", "Lloyd-Hayes", "Matthews", "Nicholls", "Oliver",
        "Price", "Rone", "Seldon", "Tyler", "Watkins", "Yeomans", "Ahmed", "Bartlett", "Cooper", "Davies", "Evans", "Fitzgerald", "Grant",
        "Hughes", "Jenkins", "Khan", "Morgan", "Patel", "Roberts", "Shaw", "Thomas", "Williams", "Wright",
    ]
    static let officerTitles = [
        "Statutory Scrutiny Officer", "Democratic Services Officer", "Director of Children's Services", "Director of Public Health",
        "Corporate Director Community Wellbeing", "Head of Finance", "Service Director Education", "Head of Highways", "Monitoring Officer",
        "Head of Housing", "Programme Director Climate", "Head of Audit", "Governance Support Officer", "Head of Customer Services",
        "Service Director Economy", "Head of Legal Services", "Scrutiny Officer", "Chief Finance Officer",
    ]
    static let coOptedBodies = ["Hereford Diocese", "Archdiocese of Cardiff", "Parent Governor Secondary", "Parent Governor Primary", "Families' Representative", "Healthwatch"]
    static let venues = [
        "Conference Room 1 - Herefordshire Council, Plough Lane Offices, Hereford, HR4 0LE", "Council Chamber - The Shire Hall, St Peter's Square, Hereford, HR1 2HX",
        "Committee Room 2 - The Shire Hall, St Peter's Square, Hereford, HR1 2HX", "Online meeting",
    ]
    static let places = ["Weobley", "Leominster", "Ledbury", "Ross-on-Wye", "Kington", "Bromyard", "Hereford", "Peterchurch", "Fownhope", "Credenhill"]

    static let subjects = [
        "The Cabinet Member", "The Director", "Officers", "The committee", "The partnership", "The service manager", "Members", "The chairperson",
        "The working group", "The provider", "The Statutory Scrutiny Officer", "The lead member", "Healthwatch", "The Head of Service",
    ]
    static let reportingVerbs = [
        "reported that", "noted that", "explained that", "confirmed that", "highlighted that", "acknowledged that", "stressed that", "advised that",
        "questioned whether", "asked how", "welcomed the fact that", "expressed concern that",
    ]
    static let adjectives = [
        "statutory", "strategic", "safeguarding", "budgetary", "operational", "preventative", "county-wide", "multi-agency", "commissioning",
        "transformation", "quarterly", "interim", "revised", "integrated", "locality", "targeted", "sustainable", "corporate", "external",
    ]
    static let nouns = [
        "framework", "strategy", "service", "pathway", "partnership", "assessment", "caseload", "workforce", "procurement", "performance", "budget",
        "consultation", "placement", "provision", "programme", "inspection", "improvement plan", "waiting list", "contract", "dashboard",
        "recruitment", "retention", "outcomes", "demand", "capacity", "risk register", "action plan", "audit", "benchmarking", "overspend",
    ]
    static let predicates = [
        "had improved since the last inspection", "remained below the national average", "would be reviewed in the next quarter",
        "was on track against the agreed milestones", "had been affected by rising demand", "required further investment",
        "was subject to a public consultation", "would be reported back to the committee", "had been rated as requiring improvement",
        "compared favourably with statistical neighbours", "depended on partners agreeing the funding", "was being delivered within budget",
        "had been delayed by recruitment difficulties", "reflected feedback from residents", "was monitored monthly by the programme board",
        "would be considered by Cabinet in the spring", "had reduced waiting times", "was the subject of an internal audit",
    ]
    static let connectives = ["In addition,", "However,", "As a result,", "In response,", "Furthermore,", "Members were advised that", "It was noted that"]
}
