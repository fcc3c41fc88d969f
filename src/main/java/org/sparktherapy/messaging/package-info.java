/**
 * Messaging: conversations between a child's guardians and care team (members follow the
 * care team as it changes), direct conversations between staff, and admin announcements
 * to a role or everyone; messages with attachments, edits and tombstones, and each
 * member's read state.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package org.sparktherapy.messaging;
