/**
 * The HTML report's style sheet (inlined into the page).
 *
 * @module
 */

/** CSS of the report: readable type, tables, the expandable metric grid and marks. */
export const REPORT_CSS = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --band: #f6f6f8; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font: 15px/1.5 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink);
  margin: 0; background: #fff; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 1.2rem; }
header { border-bottom: 1px solid var(--line); padding-bottom: .6rem; }
h1 { font-size: 1.7rem; margin: 1.2rem 0 .3rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; color: var(--muted); }
nav a { color: var(--accent); text-decoration: none; }
code { font: .85em "DejaVu Sans Mono", "Liberation Mono", monospace; background: var(--band);
  padding: 0 .2em; border-radius: 3px; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
th { background: var(--band); }
table.numeric td:nth-child(n+3) { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: var(--band); padding: .6rem; overflow-x: auto; font-size: .8rem; }
.none { color: var(--muted); }
.inferred { color: #a04000; font-style: italic; }
.unit { background: #eef5fb; border-left: 4px solid var(--accent); padding: .4rem .7rem;
  font-size: .9rem; }
.ci { color: var(--muted); font-size: .85em; }
figure { margin: 1rem 0 1.6rem; }
figcaption { font-size: .9rem; color: var(--muted); margin-top: .3rem; }
.grid { border-top: 1px solid var(--line); margin: .4rem 0 1rem; font-size: .9rem; }
.grid .head, .grid summary { display: grid; gap: .5rem; padding: .3rem .45rem;
  border-bottom: 1px solid var(--line); align-items: baseline; }
.grid .head { background: var(--band); font-weight: bold; }
.grid .head > span, .grid summary > span { overflow-wrap: anywhere; }
.grid summary { cursor: pointer; list-style: none; font-variant-numeric: tabular-nums; }
.grid summary::-webkit-details-marker { display: none; }
.grid summary > span:first-child::before { content: "▸ "; color: var(--accent); }
.grid details[open] > summary > span:first-child::before { content: "▾ "; }
.grid summary:hover { background: #fafafc; }
.grid.cmp .head, .grid.cmp summary { grid-template-columns: 2fr 2fr 2fr 2fr .8fr .8fr 1.1fr; }
.grid.kw .head, .grid.kw summary { grid-template-columns: 2fr 1fr 1fr 1fr 1fr 1fr; }
.grid.art .head, .grid.art summary { grid-template-columns: 2fr 1fr 1fr 1fr 2fr 1fr 1fr; }
.grid.art8 .head, .grid.art8 summary { grid-template-columns: 2fr 1fr 1fr 1.3fr 1fr 2fr 1fr 1fr; }
.grid.art4 .head, .grid.art4 summary { grid-template-columns: 2fr 1fr 1fr 1fr; }
.evidence { padding: .2rem .8rem .6rem 1.6rem; background: #fcfcfd;
  border-bottom: 1px solid var(--line); }
.evidence ol { margin: .2rem 0; padding-left: 1.4rem; }
.evidence li { margin: .35rem 0; }
.where { display: block; color: var(--muted); font-size: .8rem; }
mark { padding: 0 .1em; border-radius: 2px; background: #ffe08a; color: inherit; }
mark.actor { background: #cfe6f7; box-shadow: inset 0 -2px 0 var(--accent); }
mark.cue { background: #f9d1bd; }
mark.actor.cue { background: #e3d3ee; }
mark.term { background: #c9ecd9; }
`;
