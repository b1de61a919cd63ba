// The dashboard page: reads the view from the URL, asks the API through the SDK, and renders
// cards, chart and tables. Every control writes the URL, so Back/Forward and shared links work.
import './styles.css';
performance.mark('deskql:start');
import { storeApiKey, storedApiKey } from './api-key.ts';
import { dashboardApi, filterOf, periodOf, type DashboardApi, type Viewer } from './dashboard-api.ts';
import { renderAgents, renderChannels, renderTeams } from './breakdown-tables.ts';
import { byId, h } from './dom.ts';
import { DrillDown } from './drill-down.ts';
import type { DrillTarget } from './drill-target.ts';
import { formatDay } from './format.ts';
import { renderCards } from './kpi-cards.ts';
import { SeriesChart, renderSeriesTable, type BucketDrill } from './series-chart.ts';
import {
  defaultGranularity,
  presetDays,
  readViewState,
  writeViewState,
  type ChartGranularity,
  type Preset,
  type ViewState,
} from './view-state.ts';
import { daysBetween, isCalendarDate, isTimeZone } from './zoned-dates.ts';

const form = byId<HTMLFormElement>('filters');
const controls = {
  preset: byId<HTMLSelectElement>('preset'),
  from: byId<HTMLInputElement>('from'),
  to: byId<HTMLInputElement>('to'),
  tz: byId<HTMLInputElement>('tz'),
  granularity: byId<HTMLSelectElement>('granularity'),
  team: byId<HTMLSelectElement>('team'),
};
const main = byId('main');
const status = byId('status');
const errorBox = byId('error');
const chart = new SeriesChart(byId('series'));
const drillDown = new DrillDown(showError);

let state: ViewState = readViewState(location.search);
let api: DashboardApi = dashboardApi(storedApiKey());
let viewer: Viewer | null = null;
let generation = 0;

function showError(error: unknown): void {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  const advice =
    code === 'UNAUTHENTICATED' || code === 'HTTP_401'
      ? 'This server needs an API key: enter one above (it stays in this browser tab only).'
      : code === 'FORBIDDEN'
        ? 'Your API key may not see this. '
        : '';
  errorBox.replaceChildren(h('strong', {}, 'Could not load: '), advice, ' ', message);
  errorBox.hidden = false;
}

function fillControls(): void {
  controls.preset.value = state.preset;
  controls.from.value = state.from;
  controls.to.value = state.to;
  controls.tz.value = state.timeZone;
  controls.granularity.value = state.granularity;
  controls.team.value = state.team;
}

function readControls(): ViewState | null {
  const preset = controls.preset.value as Preset;
  const timeZone = controls.tz.value.trim();
  if (!isTimeZone(timeZone)) {
    controls.tz.setCustomValidity('Enter an IANA time zone such as Europe/Berlin or America/Sao_Paulo');
    controls.tz.reportValidity();
    return null;
  }
  controls.tz.setCustomValidity('');
  let from = controls.from.value;
  let to = controls.to.value;
  if (preset !== 'custom') ({ from, to } = presetDays(preset, timeZone));
  if (!isCalendarDate(from) || !isCalendarDate(to) || from > to) {
    controls.to.setCustomValidity('The last day must be on or after the first day');
    controls.to.reportValidity();
    return null;
  }
  controls.to.setCustomValidity('');
  return { preset, from, to, timeZone, granularity: controls.granularity.value as ChartGranularity, team: controls.team.value };
}

function apply(next: ViewState, push = true): void {
  state = next;
  const search = writeViewState(state);
  if (push && search !== location.search) history.pushState(null, '', search);
  fillControls();
  void refresh();
}

async function refresh(): Promise<void> {
  const mine = ++generation;
  main.setAttribute('aria-busy', 'true');
  document.body.dataset.state = 'loading';
  delete document.body.dataset.headline;
  status.textContent = 'Loading…';
  errorBox.hidden = true;
  const period = periodOf(state);
  const filter = filterOf(state);
  byId('period-label').textContent = `${formatDay(state.from)} – ${formatDay(state.to)} (${state.timeZone})`;
  try {
    // The cards first, alone: the embedded database runs one statement at a time, so a
    // request sent beside them would only delay them.
    const kpis = await api.headline(state);
    if (mine !== generation) return;
    renderCards(byId('cards'), kpis, (target) => openDrill(period, filter, target));
    document.body.dataset.headline = 'ready';
    performance.mark('deskql:headline');
    const data = await api.breakdown(state);
    if (mine !== generation) return;
    chart.render(data.series, period, state.granularity, onBucketDrill);
    renderSeriesTable(byId('series-table'), data.series, period, onBucketDrill);
    renderTeams(byId('teams'), data.byTeam, (target) => openDrill(period, filter, target));
    renderChannels(byId('channels'), data.byChannel, filter, (target) => openDrill(period, filter, target));
    status.textContent = `Showing ${formatDay(state.from)} – ${formatDay(state.to)}, compared with the ${daysBetween(state.from, state.to) + 1} days before.`;
    document.body.dataset.state = 'ready';
    performance.mark('deskql:rendered');
    await refreshAgents(mine);
  } catch (error) {
    if (mine !== generation) return;
    status.textContent = '';
    document.body.dataset.state = 'error';
    showError(error);
  } finally {
    if (mine === generation) main.setAttribute('aria-busy', 'false');
  }
}

async function refreshAgents(mine: number): Promise<void> {
  const panel = byId('agents-panel');
  if (!viewer?.scopes.includes('KPIS_AGENTS')) {
    panel.hidden = true;
    return;
  }
  const filter = filterOf(state);
  const period = periodOf(state);
  const slices = await api.agents(state);
  if (mine !== generation) return;
  renderAgents(byId('agents'), slices, filter, (target) => openDrill(period, filter, target));
  panel.hidden = false;
}

function openDrill(period: ReturnType<typeof periodOf>, filter: ReturnType<typeof filterOf>, target: DrillTarget): void {
  void drillDown.open(api, period, filter, target);
}

function onBucketDrill(drill: BucketDrill): void {
  void drillDown.open(api, drill.period, filterOf(state), drill.target);
}

async function loadViewer(): Promise<void> {
  const label = byId('viewer');
  try {
    viewer = await api.viewer();
    const teams = viewer.restricted ? viewer.teams : await api.teams();
    controls.team.replaceChildren(
      h('option', { value: '' }, viewer.restricted ? 'All my teams' : 'All teams'),
      ...teams.map((team) => h('option', { value: team.id }, team.name)),
    );
    controls.team.value = state.team;
    label.textContent = viewer.anonymous
      ? 'Demo: reading without a key'
      : `Key “${viewer.name}”${viewer.restricted ? ` — teams ${viewer.teams.map((t) => t.name).join(', ')}` : ''}`;
  } catch (error) {
    viewer = null;
    label.textContent = 'Not signed in';
    throw error;
  }
}

async function start(): Promise<void> {
  // The viewer decides the team list and whether agents show; the numbers need not wait for it.
  const viewerLoaded = loadViewer().catch(() => undefined);
  const firstRender = refresh();
  await viewerLoaded;
  await firstRender;
  if (viewer) await refreshAgents(generation).catch(showError);
}

function fillTimeZones(): void {
  const zones = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  byId('tz-list').replaceChildren(...['UTC', ...zones].map((zone) => h('option', { value: zone })));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const next = readControls();
  if (next) apply(next);
});
controls.preset.addEventListener('change', () => {
  const preset = controls.preset.value as Preset;
  if (preset === 'custom') {
    controls.from.focus();
    return;
  }
  const days = presetDays(preset, isTimeZone(controls.tz.value) ? controls.tz.value : state.timeZone);
  controls.granularity.value = defaultGranularity(daysBetween(days.from, days.to) + 1);
  form.requestSubmit();
});
for (const input of [controls.from, controls.to]) {
  input.addEventListener('change', () => {
    controls.preset.value = 'custom';
    if (isCalendarDate(controls.from.value) && isCalendarDate(controls.to.value)) form.requestSubmit();
  });
}
for (const select of [controls.granularity, controls.team]) select.addEventListener('change', () => form.requestSubmit());
controls.tz.addEventListener('change', () => {
  if (isTimeZone(controls.tz.value.trim())) form.requestSubmit();
});
window.addEventListener('popstate', () => {
  state = readViewState(location.search);
  fillControls();
  void refresh();
});

byId<HTMLFormElement>('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = byId<HTMLInputElement>('api-key');
  storeApiKey(input.value.trim() || undefined);
  input.value = '';
  api = dashboardApi(storedApiKey());
  void start();
});
byId('forget-key').addEventListener('click', () => {
  storeApiKey(undefined);
  api = dashboardApi(undefined);
  void start();
});

fillControls();
fillTimeZones();
if (location.search !== writeViewState(state)) history.replaceState(null, '', writeViewState(state));
void start();
