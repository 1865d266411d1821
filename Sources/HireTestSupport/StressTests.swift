import Foundation

/// The stress suites: connection floods, kill -9, SIGTERM mid-request, a full disk.
///
/// They load the whole machine and measure how the server copes, so they run only when
/// `HIRE_STRESS_TESTS=1`, and `scripts/test` runs each alone after the other suites;
/// beside the parallel suites they would slow those past their timeouts and be slowed themselves.
package enum StressTests {
    package static var isEnabled: Bool { ProcessInfo.processInfo.environment["HIRE_STRESS_TESTS"] == "1" }
}
