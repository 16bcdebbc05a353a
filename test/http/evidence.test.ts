/** Evidence upload and download through real multipart requests. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp, type TestApp } from './start-test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

await describeEachStore('HTTP evidence', { describe, it }, (backend) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(backend, { maxEvidenceBytes: 1024 });
    await app.call('POST', '/api/people/me/activities', { id: 'a1', title: 'Workshop', completed: '2026-03-01', credits: [{ body: 'nasm', units: 0.4 }] });
  });
  afterEach(async () => {
    await app.close();
  });

  const upload = async (name: string, bytes: Buffer, type = 'application/octet-stream', activity = 'a1') => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    const response = await fetch(`${app.base}/api/people/me/activities/${activity}/evidence`, { method: 'POST', body: form });
    return { status: response.status, body: await response.json() as any };
  };

  it('stores a certificate and serves the same bytes back, with safe headers', async () => {
    const added = await upload('../../Zertifikat März; 2026.pdf', PDF, 'text/html');
    expect(added).toMatchObject({ status: 201, body: { activityId: 'a1', name: 'Zertifikat März; 2026.pdf', type: 'application/pdf', size: PDF.length } });
    const download = await fetch(`${app.base}/api/people/me/evidence/${added.body.id}/file`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Zertifikat M_rz_ 2026.pdf"; filename*=UTF-8''Zertifikat%20M%C3%A4rz%3B%202026.pdf`);
    const listed = await app.call('GET', '/api/people/me/activities');
    expect(listed.body[0].evidence).toEqual([added.body]);
  });

  it('keeps one copy of identical content and deletes it with its last reference', async () => {
    const first = await upload('a.pdf', PDF);
    await app.call('POST', '/api/people/me/activities', { id: 'a2', title: 'Other', completed: '2026-03-02', credits: [] });
    const second = await upload('b.pdf', PDF, 'application/pdf', 'a2');
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(await app.storedBlobs()).toBe(1);
    expect((await app.call('DELETE', `/api/people/me/evidence/${first.body.id}`)).status).toBe(204);
    expect(await app.storedBlobs()).toBe(1);
    expect((await app.call('DELETE', '/api/people/me/activities/a2')).status).toBe(204);
    expect(await app.storedBlobs()).toBe(0);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(2048, 0x20)]);
    expect(await upload('big.pdf', big)).toMatchObject({ status: 413, body: { code: 'EVIDENCE_TOO_LARGE' } });
    expect(await app.storedBlobs()).toBe(0);
  });

  it('refuses content that is not an allowed type, whatever its name or declared type, with 415', async () => {
    expect(await upload('cert.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00]), 'application/pdf')).toMatchObject({ status: 415, body: { code: 'EVIDENCE_TYPE', issues: [{ path: 'file' }] } });
    expect(await upload('cert.pdf', PNG, 'application/pdf')).toMatchObject({ status: 415, body: { code: 'EVIDENCE_TYPE' } });
    expect(await upload('cert.png', PNG, 'image/png')).toMatchObject({ status: 201, body: { type: 'image/png' } });
  });

  it('answers 400 without a file, 415 for a body that is not multipart, and 404 for an unknown activity', async () => {
    const empty = await fetch(`${app.base}/api/people/me/activities/a1/evidence`, { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
    expect((await app.call('POST', '/api/people/me/activities/a1/evidence', { file: 'x' })).status).toBe(415);
    expect(await upload('c.pdf', PDF, 'application/pdf', 'nope')).toMatchObject({ status: 404, body: { issues: [{ path: 'params.activityId' }] } });
    expect((await app.call('GET', '/api/people/me/evidence/..%2F..%2Fetc%2Fpasswd/file')).status).toBe(400);
  });
});
