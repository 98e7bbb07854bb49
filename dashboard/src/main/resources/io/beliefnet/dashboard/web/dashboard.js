// The live page: a snapshot, then server-sent events from /api/events, kept in maps and redrawn
// at most five times a second. The chart re-reads its proposition's history when it changes.
import { BeliefChart } from './belief-chart.js';
import { renderAgents, renderPropositions, renderRejections, renderRequests, renderScores } from './tables.js';

// as many as the server keeps
const MAX_PROPOSITIONS = 200;
const MAX_AGENTS = 1000;

const propositions = new Map(); // id → latest summary, least recently updated first
const agents = new Map(); // agentId|domain → row
const rejections = new Map(); // reason code → count
let requests = []; // open evidence requests, newest first
let scores = null;
let selected = null;

const byId = id => document.getElementById(id);
const chart = new BeliefChart(byId('belief-chart'));
const agentKey = agent => `${agent.agentId}|${agent.domain}`;

function remember(map, key, value, capacity) {
  map.delete(key);
  map.set(key, value);
  if (map.size > capacity) {
    map.delete(map.keys().next().value);
  }
}

function throttled(action, millis) {
  let pending = false;
  return () => {
    if (!pending) {
      pending = true;
      setTimeout(() => {
        pending = false;
        action();
      }, millis);
    }
  };
}

const onSelected = propositionId => {
  if (propositionId === selected) {
    refreshChartSoon();
  }
};

const handlers = {
  snapshot(snapshot) {
    propositions.clear();
    agents.clear();
    rejections.clear();
    [...snapshot.propositions].reverse().forEach(p => propositions.set(p.propositionId, p));
    snapshot.agents.forEach(agent => agents.set(agentKey(agent), agent));
    snapshot.rejections.forEach(count => rejections.set(count.reasonCode, count));
    requests = snapshot.requests;
    scores = snapshot.scores;
    refreshChartSoon();
  },
  belief({ proposition }) {
    remember(propositions, proposition.propositionId, proposition, MAX_PROPOSITIONS);
    onSelected(proposition.propositionId);
  },
  claim: ({ propositionId }) => onSelected(propositionId),
  outcome: ({ propositionId }) => onSelected(propositionId),
  agent: agent => remember(agents, agentKey(agent), agent, MAX_AGENTS),
  rejected: count => rejections.set(count.reasonCode, count),
  requests: open => {
    requests = open;
  },
  scores: latest => {
    scores = latest;
  },
};

function render() {
  const latestFirst = [...propositions.values()].reverse();
  if (selected === null && latestFirst.length > 0) {
    select(latestFirst[0].propositionId);
  }
  renderPropositions(byId('propositions'), latestFirst, selected, select);
  renderScores(byId('scores'), scores);
  renderAgents(byId('agents'), [...agents.values()].sort((a, b) => b.settlementTotal - a.settlementTotal));
  renderRejections(byId('rejections'), [...rejections.values()].sort((a, b) => b.count - a.count));
  renderRequests(byId('requests'), requests);
}

async function refreshChart() {
  const shown = selected;
  if (shown === null) {
    return;
  }
  const response = await fetch(`/api/propositions/${encodeURIComponent(shown)}`);
  if (response.ok && shown === selected) {
    chart.show(await response.json());
    const title = byId('chart-title');
    title.textContent = `Belief over time: ${shown}`;
    title.dataset.propositionId = shown;
  }
}

const renderSoon = throttled(render, 200);
const refreshChartSoon = throttled(refreshChart, 300);

function select(propositionId) {
  selected = propositionId;
  refreshChartSoon();
  renderSoon();
}

function connection(text, live) {
  const status = byId('connection');
  status.textContent = text;
  status.classList.toggle('live', live);
}

const events = new EventSource('/api/events');
for (const [name, handle] of Object.entries(handlers)) {
  events.addEventListener(name, event => {
    handle(JSON.parse(event.data));
    renderSoon();
  });
}
events.onopen = () => connection('live', true);
events.onerror = () => connection('reconnecting…', false);
render(); // until the snapshot arrives, the empty tables say what they wait for
