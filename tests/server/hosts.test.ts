// The Host check behind a reverse proxy: nginx passes `Host: games.school.example` (no port), which a bare name in
// EXTRA_HOSTS must accept, while a name with a port and every other name stay as strict as before.
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { allowedHosts, hostRefusal } from '../../src/server/http-util';

const asked = (host: string) => ({ headers: { host } }) as unknown as http.IncomingMessage;

describe('allowed hosts', () => {
  const hosts = allowedHosts('127.0.0.1', 8001, ['games.school.example', 'lab.example:9000']);

  it("accepts a bare extra name as a proxy passes it, and on this process's port", () => {
    expect(hostRefusal(asked('games.school.example'), hosts)).toBeNull();
    expect(hostRefusal(asked('games.school.example:8001'), hosts)).toBeNull();
    expect(hostRefusal(asked('127.0.0.1:8001'), hosts)).toBeNull();
  });

  it('keeps a name given with a port to that port, and refuses every other name', () => {
    expect(hostRefusal(asked('lab.example:9000'), hosts)).toBeNull();
    expect(hostRefusal(asked('lab.example'), hosts)).toMatch(/answers only as/);
    expect(hostRefusal(asked('games.school.example:8002'), hosts)).toMatch(/answers only as/);
    expect(hostRefusal(asked('attacker.example'), hosts)).toMatch(/answers only as/);
  });
});
