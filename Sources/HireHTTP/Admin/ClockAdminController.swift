import FeishuWire
import HireCore
import HireStore
import Hummingbird

/// `/_hire/clock`: moving the server's time.
struct ClockAdminController {
    let admin: AdminContext

    func addRoutes(to group: RouterGroup<HireRequestContext>) {
        group.on(AdminRoutes.clock) { _, _ in try state() }
        group.on(AdminRoutes.moveClock) { request, _ in
            var request = request
            let offset = try Self.offset(
                for: try JSONBody.object(try await request.bodyBytes()), current: admin.controls.offset.milliseconds,
                machineNow: HireClock.system.now())
            try await admin.change { try await $0.setClockOffset(offset) }
            return try state()
        }
        group.on(AdminRoutes.resetClock) { _, _ in
            try await admin.change { try await $0.setClockOffset(0) }
            return try state()
        }
    }

    private func state() throws -> Response {
        try admin.ok(AdminWire.ClockState(nowMS: admin.services.clock.now(), offsetMS: admin.controls.offset.milliseconds))
    }

    /// The offset a `POST /_hire/clock` body asks for: exactly one of `advance_ms` and `now_ms`.
    static func offset(for body: JSONObject, current: Int64, machineNow: Int64) throws(APIError) -> Int64 {
        if let unknown = body.keys.first(where: { $0 != "advance_ms" && $0 != "now_ms" }) {
            throw .invalidParameter(unknown, "is not a setting of the clock (expected advance_ms or now_ms)")
        }
        let limit: Int64 = 100 * 365 * 86_400_000
        switch (body["advance_ms"], body["now_ms"]) {
        case (let advance?, nil):
            guard let value = advance.integerValue, abs(value) <= limit else {
                throw .invalidParameter("advance_ms", "must be an integer of milliseconds, at most 100 years either way")
            }
            return current + value
        case (nil, let now?):
            guard let value = now.integerValue, value >= 0, value <= 253_402_300_799_999 else {
                throw .invalidParameter("now_ms", "must be an integer of milliseconds since 1970, up to the year 9999")
            }
            return value - machineNow
        case (nil, nil): throw .invalidParameter("advance_ms", "or now_ms is required")
        case (_?, _?): throw .invalidParameter("now_ms", "cannot be given with advance_ms")
        }
    }
}
