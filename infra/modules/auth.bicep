// App Service authentication (Easy Auth) with Microsoft Entra ID in front of the API: a request without a
// valid token for the app registration gets 401 before it reaches a function (the pages under /api/web and the mails' signed links under /api/links
// excepted, below). The platform then sets
// WEBSITE_AUTH_ENABLED=true and the X-MS-CLIENT-PRINCIPAL headers the app reads the caller from.
param siteName string
@description('Application (client) id of the app registration that declares the Alerts.Admin app role.')
param authClientId string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      // Liveness probes stay open; the function itself returns nothing but "healthy". Chart images are fetched by
      // Teams for cards without signing in: the function serves only links carrying a valid, unexpired signature.
      // The analysts' pages pass unauthenticated requests on so the app can send a browser (GET, Accept: text/html)
      // to /.auth/login/aad and back (302) while everything else there gets 401; the platform still signs in the
      // requests that carry a session, and every page route reads the caller itself and fails closed without one.
      // The mails' signed links (confirm, one-click unsubscribe) are held by recipients who may have no Entra account
      // (a shared mailbox, a distribution list) and are POSTed by mail providers without any session (RFC 8058): the
      // token in the link is the credential, checked by the app; nothing under /api/links reads the caller.
      // The links' first routes (/api/subscriptions/{id}/confirm, .../unsubscribe) stay behind sign-in: excludedPaths
      // takes exact paths and a trailing /* only.
      excludedPaths: ['/api/health', '/api/charts/trend.png', '/api/web', '/api/web/*', '/api/links', '/api/links/*']
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: { convention: 'NoProxy' }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [authClientId, 'api://${authClientId}']
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
  }
}
