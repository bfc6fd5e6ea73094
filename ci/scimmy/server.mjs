// A SCIM 2.0 server made of SCIMMY (other people's protocol code) with in-memory storage, for scimctl's
// compatibility tests. It keeps SCIMMY's own behaviour (relative meta.location, no Location header on 201, no
// ETags, itemsPerPage echoing the request, case-sensitive filter matching); the storage below only adds what any
// real server has: generated ids, timestamps and case-insensitive userName uniqueness (RFC 7643 §4.1.1).
//
// Usage: TOKEN=secret [PORT=0] [HOST=127.0.0.1] node server.mjs   → prints "url: http://HOST:PORT/scim/v2"
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";
import crypto from "node:crypto";

const TOKEN = process.env.TOKEN;
if (!TOKEN) {
    console.error("scimmy-server: set TOKEN to the bearer token clients must send");
    process.exit(2);
}
const HOST = process.env.HOST ?? "127.0.0.1";
const PORT = Number(process.env.PORT ?? 0);
const NINJAONE = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";

SCIMMY.Schemas.User.extend(new SCIMMY.Types.SchemaDefinition("NinjaOneUser", NINJAONE, "NinjaOne user attributes", [
    new SCIMMY.Types.Attribute("string", "userType"),
    new SCIMMY.Types.Attribute("string", "organizationId"),
]), false);
SCIMMY.Config.set({patch: true, filter: {supported: true, maxResults: 200}, sort: true, bulk: false, etag: false,
    changePassword: false});

/** One in-memory collection with SCIMMY's handler shapes. */
function collection(name, uniqueKey) {
    const items = new Map();
    const plain = (instance) => JSON.parse(JSON.stringify(instance));
    const clash = (value, exceptId) => [...items.values()].some(i => i.id !== exceptId
        && String(i[uniqueKey] ?? "").toLowerCase() === String(value ?? "").toLowerCase());
    return {
        items,
        egress: async (resource) => {
            if (resource.id) {
                const found = items.get(resource.id);
                if (!found) throw new SCIMMY.Types.Error(404, null, `${name} ${resource.id} not found`);
                return found;
            }
            const all = [...items.values()];
            return resource.filter ? resource.filter.match(all) : all;
        },
        ingress: async (resource, instance) => {
            const data = plain(instance);
            const now = new Date().toISOString();
            if (uniqueKey && clash(data[uniqueKey], resource.id)) {
                throw new SCIMMY.Types.Error(409, "uniqueness", `${uniqueKey} ${data[uniqueKey]} is already taken`);
            }
            if (resource.id) {
                const existing = items.get(resource.id);
                if (!existing) throw new SCIMMY.Types.Error(404, null, `${name} ${resource.id} not found`);
                const updated = {...data, id: resource.id, meta: {created: existing.meta.created, lastModified: now}};
                items.set(resource.id, updated);
                return updated;
            }
            const created = {...data, id: crypto.randomUUID(), meta: {created: now, lastModified: now}};
            items.set(created.id, created);
            return created;
        },
        degress: async (resource) => {
            if (!items.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `${name} ${resource.id} not found`);
        },
    };
}

const users = collection("User", "userName");
const groups = collection("Group", "displayName");
SCIMMY.Resources.declare(SCIMMY.Resources.User).ingress(users.ingress).egress(users.egress).degress(users.degress);
SCIMMY.Resources.declare(SCIMMY.Resources.Group).ingress(groups.ingress).egress(groups.egress).degress(groups.degress);

const app = express();
app.use("/scim/v2", new SCIMMYRouters({
    type: "bearer",
    docUri: "https://example.invalid/scimctl-ci",
    handler: (request) => {
        if (request.header("Authorization") !== `Bearer ${TOKEN}`) throw new Error("Bearer token refused");
        return "scimctl-ci";
    },
}));

const server = app.listen(PORT, HOST, () => {
    const {port} = server.address();
    console.log(`url: http://${HOST}:${port}/scim/v2`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
