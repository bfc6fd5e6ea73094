package dev.scimctl.importer;

/** How the server types NinjaOne's organizationId: as a JSON string or a JSON number. "All" is a string either way. */
public enum OrganizationIdType {
    STRING, INTEGER
}
