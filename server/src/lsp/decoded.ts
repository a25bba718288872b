// profileStudio/decodedContent: the XML inside a profile file on disk (signed, binary or plain).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readProfileBytes, type ProfileService } from '../core';
import type { DecodedContentParams, DecodedContentResult } from './protocol';

export async function decodedContent(params: DecodedContentParams, _service: ProfileService): Promise<DecodedContentResult> {
  if (!params.uri.startsWith('file:')) throw new Error(`only file: URIs can be decoded, got ${params.uri.split(':')[0]}:`);
  const bytes = await readFile(fileURLToPath(params.uri));
  const content = readProfileBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const result: DecodedContentResult = { text: content.text, kind: content.kind, readOnly: content.readOnly };
  if (content.signer) result.signer = content.signer.subject.text;
  if (content.problem) result.problem = { code: content.problem.code, message: content.problem.message };
  return result;
}
