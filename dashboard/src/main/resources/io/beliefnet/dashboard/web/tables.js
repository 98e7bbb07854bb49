// The dashboard's tables, redrawn from plain data. Text goes in through textContent only: ids and
// reasons come from agents and must never be read as HTML.

const MAX_ROWS = 15;

const percent = x => `${(100 * x).toFixed(1)}%`;
const fixed = (x, digits = 3) => (x === null || x === undefined ? '' : x.toFixed(digits));

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

function fill(table, items, toRow, emptyText) {
  const rows = items.slice(0, MAX_ROWS).map(toRow);
  if (rows.length === 0) {
    const empty = document.createElement('tr');
    empty.className = 'empty';
    const td = cell(emptyText);
    td.colSpan = table.tHead.rows[0].cells.length;
    empty.append(td);
    rows.push(empty);
  }
  table.tBodies[0].replaceChildren(...rows);
}

/** The outcome a belief leans to, with its probability. */
function leading(proposition) {
  const p = proposition.probabilities;
  const best = p.indexOf(Math.max(...p));
  return `${proposition.outcomes[best]} ${percent(p[best])}`;
}

export function renderPropositions(table, propositions, selected, onSelect) {
  fill(table, propositions, proposition => {
    const tr = document.createElement('tr');
    tr.dataset.propositionId = proposition.propositionId;
    tr.classList.toggle('selected', proposition.propositionId === selected);
    tr.addEventListener('click', () => onSelect(proposition.propositionId));
    tr.append(
      cell(proposition.propositionId),
      cell(proposition.domain),
      cell(leading(proposition), 'belief'),
      cell(String(proposition.claimCount), 'number'),
      cell(String(proposition.version), 'number version'),
      cell(proposition.resolvedOutcome ?? '', 'resolved'));
    return tr;
  }, 'waiting for beliefs…');
}

export function renderScores(table, scores) {
  const methods = scores ? [['beliefs', scores.beliefs], ['majority vote', scores.majorityVote]] : [];
  fill(table, methods, ([name, score]) => {
    const tr = document.createElement('tr');
    tr.dataset.method = name;
    tr.append(
      cell(name),
      cell(score.scored ? percent(score.accuracy) : '–', 'number'),
      cell(score.scored ? fixed(score.brier) : '–', 'number'),
      cell(String(score.scored), 'number scored'));
    return tr;
  }, 'no proposition resolved yet');
}

export function renderAgents(table, agents) {
  fill(table, agents, agent => {
    const tr = document.createElement('tr');
    tr.append(
      cell(agent.agentId),
      cell(agent.domain),
      cell(`${fixed(agent.accuracy, 2)} ± ${fixed(agent.accuracyStdDev, 2)}`, 'number'),
      cell(String(agent.settledClaims), 'number'),
      cell(fixed(agent.settlementTotal), 'number'),
      cell(fixed(agent.informationGainTotal), 'number'),
      cell(fixed(agent.lastSettlement), 'number'));
    return tr;
  }, 'no agent scored yet');
}

export function renderRequests(table, requests) {
  fill(table, requests, request => {
    const tr = document.createElement('tr');
    tr.dataset.requestId = request.requestId;
    tr.append(
      cell(request.agentId),
      cell(request.propositionId),
      cell(request.domain),
      cell(fixed(request.expectedLossReduction), 'number'));
    return tr;
  }, 'no open request');
}

export function renderRejections(table, counts) {
  fill(table, counts, count => {
    const tr = document.createElement('tr');
    tr.dataset.reason = count.reasonCode;
    const latest = cell(count.lastReason);
    latest.title = `${count.lastSourceTopic}: ${count.lastReason}`;
    tr.append(cell(count.reasonCode), cell(String(count.count), 'number'), latest);
    return tr;
  }, 'nothing rejected');
}
