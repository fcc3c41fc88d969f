/**
 * What every module shares: the embedded/external PostgreSQL setup, security (JWT
 * resource server, headers), RFC 9457 problem responses, request ids and JSON logging,
 * paging, and web-app serving. It knows no feature module; features plug into it (e.g.
 * identity supplies the JWT-to-principal converter).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.sparktherapy.platform;
