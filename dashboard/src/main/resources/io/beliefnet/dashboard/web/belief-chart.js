// One proposition's belief over event time: a stepped line per outcome, the claims as triangles at
// the probability they gave the outcome they favoured, and the published outcome as a star.
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];
const UNKNOWN_OUTCOME = '#94a3b8';

const colour = index => (index < 0 ? UNKNOWN_OUTCOME : COLOURS[index % COLOURS.length]);
const clock = t => new Date(t).toISOString().substring(11, 19);

export class BeliefChart {
  constructor(canvas) {
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: 'linear', ticks: { callback: clock, maxTicksLimit: 8 }, title: { display: true, text: 'event time (UTC)' } },
          y: { min: 0, max: 1, title: { display: true, text: 'probability' } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              title: items => clock(items[0].parsed.x),
              label: item => item.raw.note ?? `${item.dataset.label}: ${item.parsed.y.toFixed(3)}`,
            },
          },
        },
      },
    });
  }

  /** Draws a history as /api/propositions/{id} returns it. */
  show(history) {
    const outcomes = history.proposition.outcomes;
    const outcomeColour = outcome => colour(outcomes.indexOf(outcome));
    const beliefLines = outcomes.map((outcome, i) => ({
      type: 'line',
      label: `P(${outcome})`,
      stepped: true,
      borderColor: colour(i),
      backgroundColor: colour(i),
      pointRadius: 2,
      data: history.points.map(point => ({ x: point.t, y: point.probabilities[i] })),
    }));
    const claims = {
      type: 'scatter',
      label: 'claims',
      clip: false, // a certain claim sits on the top edge
      pointStyle: 'triangle',
      pointRadius: 6,
      borderColor: '#334155',
      backgroundColor: history.claims.map(claim => outcomeColour(claim.outcome)),
      data: history.claims.map(claim => ({
        x: claim.t,
        y: claim.probability,
        note: `${claim.agentId} claims ${claim.outcome} (${claim.probability.toFixed(2)})`,
      })),
    };
    const outcome = history.outcome;
    const published = {
      type: 'scatter',
      label: 'outcome',
      clip: false,
      pointStyle: 'star',
      pointRadius: 12,
      borderWidth: 3,
      borderColor: outcome ? outcomeColour(outcome.outcome) : UNKNOWN_OUTCOME,
      data: outcome ? [{ x: outcome.t, y: 1, note: `outcome ${outcome.outcome} by ${outcome.resolverId}` }] : [],
    };
    this.chart.data.datasets = [...beliefLines, claims, published];
    this.chart.update();
  }
}
