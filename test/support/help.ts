import type { TestClient, TestPortico, TrpcEnvelope } from './portico.ts';
import { countRows } from './ledger.ts';
import { data } from './tickets.ts';

export interface Segment {
  text: string;
  match: boolean;
}

export interface HelpResult {
  slug: string;
  locale: string;
  title: Segment[];
  snippet: Segment[];
  category: { slug: string; name: string };
  updatedAt: string;
}

export interface HelpPage {
  results: HelpResult[];
  hasMore: boolean;
  correctedTo: string | null;
}

export const text = (segments: Segment[]) => segments.map((segment) => segment.text).join('');
export const marked = (segments: Segment[]) =>
  segments.filter((segment) => segment.match).map((segment) => segment.text);

/**
 * `help.search` as the elements call it: a GET, or a POST when the input is too long for a URL.
 */
export async function searchHelp(
  client: TestClient,
  input: Record<string, unknown>,
): Promise<{ status: number; body: TrpcEnvelope }> {
  if (JSON.stringify(input).length <= 1500) return client.query('help.search', input);
  const response = await client.post('/api/trpc/help.search', input);
  return { status: response.status, body: (await response.json()) as TrpcEnvelope };
}

export async function found(client: TestClient, input: Record<string, unknown>) {
  return data<HelpPage>(await searchHelp(client, input));
}

/** Rows in the help centre's tables, to show a refused request wrote nothing. */
export function helpCounts(portico: TestPortico) {
  return countRows(portico.services, [
    'helpCategory',
    'helpCategoryText',
    'helpArticle',
    'helpTranslation',
    'helpFeedback',
  ]);
}

/** The category `publishedArticle` writes into, created as an agent. */
export async function testCategory(agent: TestClient): Promise<void> {
  data(
    await agent.mutate('staff.help.saveCategory', {
      slug: 'testing',
      position: 9,
      names: { en: { name: 'Testing', description: 'Articles the tests write' } },
    }),
  );
}

/** Creates and publishes an article in the test category (see `testCategory`), as an agent. */
export async function publishedArticle(
  agent: TestClient,
  article: { slug: string; title: string; body: string; locale?: string; category?: string },
): Promise<string> {
  const { articleId } = data<{ articleId: string }>(
    await agent.mutate('staff.help.create', {
      locale: 'en',
      category: 'testing',
      ...article,
    }),
  );
  data(await agent.mutate('staff.help.publish', { articleId }));
  return articleId;
}
