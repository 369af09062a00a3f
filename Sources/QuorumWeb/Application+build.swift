public import Foundation
public import Hummingbird
public import Logging
public import QuorumDomain
public import QuorumStorage

/// Builds the website, feeds and API on `store`. Everything it needs is passed in; it reads no globals.
public func buildApplication(
    _ configuration: WebConfiguration, store: any QuorumStore, today: @escaping @Sendable () -> Date = { Date() }, logger: Logger
) async throws -> some ApplicationProtocol {
    let router = Router(context: QuorumRequestContext.self)
    router.addMiddleware {
        HeadMiddleware()
        SecurityHeadersMiddleware()
        // Outside the error pages, so that an error page for a signed-in person is private and shows their account.
        SessionMiddleware(store: store, idle: configuration.sessionIdleTimeout, now: today)
        ErrorPageMiddleware(logger: logger)
        OneMomentMiddleware(store: store)
        PageCacheMiddleware(cache: PageCache(capacityBytes: configuration.pageCacheMegabytes << 20), store: store, today: today, site: configuration)
    }
    router.page("/health") { _, _ in HealthStatus(status: "ok") }
    HomeRoutes(store: store, today: today).addRoutes(to: router)
    CommitteeRoutes(store: store, today: today).addRoutes(to: router)
    PeopleRoutes(store: store).addRoutes(to: router)
    RecommendationRoutes(store: store, today: today).addRoutes(to: router)
    NeedsChecking(store: store, today: today).addRoutes(to: router)
    NewRecommendation(store: store, today: today).addRoutes(to: router)
    ExemptRoutes(store: store, today: today).addRoutes(to: router)
    MeetingScheduling(store: store, today: today).addRoutes(to: router)
    AgendaBuilding(store: store, today: today).addRoutes(to: router)
    MinutesWriting(store: store, today: today).addRoutes(to: router)
    ScorecardRoutes(store: store, today: today).addRoutes(to: router)
    QuestionRoutes(store: store, today: today, site: configuration).addRoutes(to: router)
    RecommendationProgress(store: store, today: today).addRoutes(to: router)
    AccountRoutes(store: store, site: configuration, today: today).addRoutes(to: router)
    WorkProgrammeRoutes(store: store, today: today).addRoutes(to: router)
    WorkProgrammeEditing(store: store, today: today).addRoutes(to: router)
    ForwardPlanRoutes(store: store, today: today).addRoutes(to: router)
    PaperRoutes(store: store).addRoutes(to: router)
    PlanRoutes(store: store, today: today).addRoutes(to: router)
    SearchRoutes(store: store, budget: TimeBudget(limit: configuration.searchTimeLimit)).addRoutes(to: router)
    FeedRoutes(store: store, today: today, site: configuration).addRoutes(to: router)
    let openAPI = try WebConfiguration.asset("openapi.json")
    ApiRoutes(store: store, today: today, openAPIDocument: openAPI).addRoutes(to: router)
    let address = BindAddress.hostname(configuration.host, port: configuration.port)
    let responder = BudgetedResponder(
        inner: router.buildResponder(), limit: configuration.pageTimeLimit, logger: logger)
    return Application(responder: responder, configuration: .init(address: address, serverName: "Quorum"), logger: logger)
}

/// The answer /health gives a load balancer or a monitor.
struct HealthStatus: ResponseEncodable {
    let status: String
}

/// What every request carries through the router.
public struct QuorumRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Whether the visitor has closed the connection the request came on.
    public let visitorHasGone: @Sendable () -> Bool
    /// Where the request came from, for limiting sign-in attempts.
    public let visitorAddress: String
    /// The signed-in account's session, set by `SessionMiddleware`; nil for the public.
    public var session: UserSession?
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        visitorAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        // A channel that was never connected (the test router's) has no visitor to lose.
        let channel = source.channel
        if channel.isActive {
            visitorHasGone = { !channel.isActive }
        } else {
            visitorHasGone = { false }
        }
    }
    public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }
}

/// Answers every request within the page time limit, and stops one as soon as its visitor has gone, so that no request
/// holds a database reader longer than it is worth: `RequestWatch` sets the request's `ReadStop`, which stops the
/// statement it is reading, and the request is answered with 503 (or, for a visitor who has gone, not at all). Work
/// that finishes in spite of the stop is answered as usual.
struct BudgetedResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == QuorumRequestContext {
    let inner: Inner
    let limit: Duration
    let watch = RequestWatch()
    let logger: Logger

    func respond(to request: Request, context: QuorumRequestContext) async throws -> Response {
        // A limit of no time at all answers nothing.
        guard limit > .zero else { return try tooLong(request, context) }
        return try await watch.watching(limit: limit, visitorHasGone: context.visitorHasGone) { stop in
            do {
                return try await ReadStop.$current.withValue(stop) { try await inner.respond(to: request, context: context) }
            } catch {
                switch stop.reason {
                case nil: throw error
                case .timeLimit:
                    logger.warning("\(request.method) \(request.uri.path) took longer than \(limit) and was stopped")
                    return try tooLong(request, context)
                case .visitorGone:
                    logger.info("\(request.method) \(request.uri.path): the visitor left, so the request was stopped")
                    throw CancellationError()
                }
            }
        }
    }

    private func tooLong(_ request: Request, _ context: QuorumRequestContext) throws -> Response {
        var response = try ErrorPageMiddleware<QuorumRequestContext>.response(
            status: .serviceUnavailable, message: "This page took too long to prepare and was stopped. Please try again in a minute.",
            request: request, context: context)
        response.headers[.retryAfter] = "60"
        return response
    }
}
