import FeishuWire
import HireCore
import HireTestSupport

extension IdentityView {
    /// An ID view of the Acme tenant as `app` (of developer `developer`) sees it.
    static func acme(_ type: UserIDType, app: String = Fixtures.acmeApp, developer: String = "dev-acme") -> IdentityView {
        view(Fixtures.acmeTenant, type, app: app, developer: developer)
    }

    static func globex(_ type: UserIDType) -> IdentityView {
        view(Fixtures.globexTenant, type, app: Fixtures.globexApp, developer: Fixtures.globexTenant)
    }

    private static func view(_ tenant: String, _ type: UserIDType, app: String, developer: String) -> IdentityView {
        switch type {
        case .openID: IdentityView(tenantKey: tenant, type: type, namespace: app)
        case .unionID: IdentityView(tenantKey: tenant, type: type, namespace: developer)
        case .userID, .peopleAdminID: IdentityView(tenantKey: tenant, type: type, namespace: "")
        }
    }
}

/// The derived open_id of an Acme user for an Acme app.
func acmeOpenID(_ userID: String, app: String = Fixtures.acmeApp) -> String {
    DerivedID.openID(tenantKey: Fixtures.acmeTenant, appID: app, userID: userID)
}
