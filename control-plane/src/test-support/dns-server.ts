import dns2 from 'dns2';

const { Packet } = dns2;

export type ZoneRecord =
  | { type: 'TXT'; value: string }
  | { type: 'CNAME'; value: string }
  | { type: 'A'; value: string }
  | { type: 'AAAA'; value: string };

export interface TestDnsServer {
  /** `127.0.0.1:<port>`: what DNS_RESOLVERS takes. */
  address: string;
  /** Names (lowercase, no trailing dot) → their records; tests change it as they go. */
  zone: Map<string, ZoneRecord[]>;
  /** `answer` serves the zone; `servfail` answers SERVFAIL; `silent` never answers (a timeout). */
  mode: 'answer' | 'servfail' | 'silent';
  /** Questions received, for tests that count them. */
  questions: number;
  close(): Promise<void>;
}

const typeCodes: Record<ZoneRecord['type'], number> = {
  TXT: Packet.TYPE.TXT,
  CNAME: Packet.TYPE.CNAME,
  A: Packet.TYPE.A,
  AAAA: Packet.TYPE.AAAA,
};

/**
 * A real DNS server on loopback (dns2's UDP server on a free port) serving a zone the test
 * controls: the verifier asks it through node:dns like any resolver, so nothing is mocked.
 * A name with records of other types answers NOERROR with no answers (NODATA); an unknown name
 * answers NXDOMAIN; a CNAME answers any question about its name, as a resolver would.
 */
export async function startTestDnsServer(): Promise<TestDnsServer> {
  const state: Omit<TestDnsServer, 'address' | 'close'> = { zone: new Map(), mode: 'answer', questions: 0 };
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      state.questions++;
      if (state.mode === 'silent') return;
      const response = Packet.createResponseFromRequest(request);
      if (state.mode === 'servfail') {
        response.header.rcode = Packet.RCODE.SERVFAIL;
        send(response);
        return;
      }
      const [question] = request.questions;
      const name = (question?.name ?? '').toLowerCase().replace(/\.$/, '');
      const records = state.zone.get(name);
      if (!records) {
        response.header.rcode = Packet.RCODE.NXDOMAIN;
        send(response);
        return;
      }
      const cname = records.find((r) => r.type === 'CNAME');
      const wanted = cname ? [cname] : records.filter((r) => typeCodes[r.type] === question?.type);
      for (const record of wanted) {
        const base = {
          name: question?.name ?? name,
          type: typeCodes[record.type],
          class: Packet.CLASS.IN,
          ttl: 60,
        };
        if (record.type === 'TXT') response.answers.push({ ...base, data: record.value });
        else if (record.type === 'CNAME') response.answers.push({ ...base, domain: record.value });
        else response.answers.push({ ...base, address: record.value });
      }
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = addresses.udp?.port;
  if (!port) throw new Error('the test DNS server did not listen');
  return Object.assign(state, {
    address: `127.0.0.1:${port}`,
    close: () => server.close(),
  }) as TestDnsServer;
}
