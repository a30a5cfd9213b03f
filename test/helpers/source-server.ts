/**
 * A local stand-in for the public registries: serves Memorial's REST pages and person pages, OVD-Info's data,
 * Viasna's list page and export, and the FSIN-pismo list from samples or generated registries. It records every
 * request with the time it arrived on the server's own clock, and can answer with faults (a status, bad JSON, a hang).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

export interface MemorialCard {
  id: number;
  link: string;
  slug: string;
  title: { rendered: string };
  class_list: string[];
  date_gmt: string;
  modified_gmt: string;
}

export interface Registry {
  memorialCards: MemorialCard[];
  /** Person page HTML by post id; others get a page whose letter block says the address is being clarified. */
  personPages: Map<number, string>;
  ovdData: unknown;
  viasnaCsv: string;
  viasnaFileName: string;
  fsinPismo: unknown;
}

export interface RecordedRequest {
  path: string;
  userAgent: string | undefined;
  /** Milliseconds on the server's clock. */
  at: number;
}

export type Fault = { status: number; headers?: Record<string, string>; body?: string } | { hang: true };

export class SourceServer {
  readonly requests: RecordedRequest[] = [];
  /** Faults per path prefix, used once each in order. */
  private readonly faults = new Map<string, Fault[]>();
  private readonly hanging: ServerResponse[] = [];
  /** Called on each request before it is answered (e.g. a test kills the client there). */
  onRequest: ((path: string) => void) | undefined;

  private constructor(
    private readonly server: Server,
    public registry: Registry,
  ) {}

  static async start(registry: Registry): Promise<SourceServer> {
    const holder: { instance?: SourceServer } = {};
    const server = createServer((request, response) => holder.instance?.handle(request, response));
    const instance = new SourceServer(server, registry);
    holder.instance = instance;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return instance;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The environment that points every source here with the given delay. */
  env(delayMs: number): Record<string, string> {
    return {
      SOURCE_MEMORIAL_URL: this.url,
      SOURCE_OVD_URL: this.url,
      SOURCE_VIASNA_URL: `${this.url}/ru/list`,
      SOURCE_FSIN_PISMO_URL: this.url,
      SOURCE_MEMORIAL_DELAY_MS: String(delayMs),
      SOURCE_OVD_DELAY_MS: String(delayMs),
      SOURCE_VIASNA_DELAY_MS: String(delayMs),
      SOURCE_FSIN_PISMO_DELAY_MS: String(delayMs),
    };
  }

  fail(pathPrefix: string, ...faults: Fault[]): void {
    this.faults.set(pathPrefix, [...(this.faults.get(pathPrefix) ?? []), ...faults]);
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    this.answer(request, response);
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://local");
    const path = `${url.pathname}${url.search}`;
    this.requests.push({ path, userAgent: request.headers["user-agent"], at: performance.timeOrigin + performance.now() });
    this.onRequest?.(path);
    for (const [prefix, faults] of this.faults) {
      if (!path.startsWith(prefix) || faults.length === 0) continue;
      const fault = faults.shift() as Fault;
      if ("hang" in fault) {
        this.hanging.push(response);
        return;
      }
      response.writeHead(fault.status, fault.headers ?? {}).end(fault.body ?? "");
      return;
    }
    const send = (status: number, body: string, type: string, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { "content-type": type, ...headers }).end(body);
    };
    const { registry } = this;
    if (url.pathname === "/wp-json/wp/v2/figurant") {
      const perPage = Number(url.searchParams.get("per_page") ?? 10);
      const page = Number(url.searchParams.get("page") ?? 1);
      const sorted = [...registry.memorialCards].sort((a, b) => b.modified_gmt.localeCompare(a.modified_gmt) || b.id - a.id);
      const slice = sorted.slice((page - 1) * perPage, page * perPage);
      if (page > 1 && slice.length === 0) return send(400, JSON.stringify({ code: "rest_post_invalid_page_number" }), "application/json");
      return send(200, JSON.stringify(slice), "application/json", { "x-wp-total": String(sorted.length) });
    }
    if (url.pathname === "/" && url.searchParams.has("p")) {
      const id = Number(url.searchParams.get("p"));
      const card = registry.memorialCards.find((item) => item.id === id);
      if (!card) return send(404, "not found", "text/html");
      return send(200, registry.personPages.get(id) ?? clarifyingPage(card.title.rendered), "text/html; charset=utf-8");
    }
    if (url.pathname === "/v1/data") return send(200, JSON.stringify(registry.ovdData), "application/json");
    if (url.pathname === "/ru/list") return send(200, `<html><body><a href="/export/${registry.viasnaFileName}">CSV</a></body></html>`, "text/html");
    if (url.pathname.startsWith("/export/")) {
      return send(200, registry.viasnaCsv, "text/csv", { "content-disposition": `attachment; filename="${registry.viasnaFileName}"` });
    }
    if (url.pathname === "/client/rest/static/regions") return send(200, JSON.stringify(registry.fsinPismo), "application/json");
    return send(404, "not found", "text/plain");
  }
}

function clarifyingPage(name: string): string {
  return `<!DOCTYPE html><html><body><div class="human-dossier__name"><h1 class="title title--lg">${name}</h1></div>
<div class="modal" data-modal="letter"><div class="modal-content"><p>Адрес уточняется</p></div></div></body></html>`;
}
