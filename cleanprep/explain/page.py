"""The HTML report's style sheet and script, inlined into every report (nothing is fetched).

The script runs the filters (all lines, removed only, foreign only; also from `#filter=NAME` in the
address) and makes a segment's tooltip on hover; it marks `<html data-ready="1">` once it has run.
"""

CSS = """
:root{--ink:#1d2125;--muted:#66707a;--line:#e3e6ea;--bg:#f6f7f9;--card:#fff;
--chrome:#ef6c00;--dropped:#c62828;--translated:#1565c0;--kept:#2e7d32;--kf:#00897b;--tagged:#5e35b1}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);
background:var(--bg)}
header.top{padding:20px 32px 8px}
h1{font-size:22px;margin:0 0 2px}
.meta{color:var(--muted);margin:0;font-size:13px}
#summary{padding:8px 32px 4px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:14px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 16px;
min-width:150px}
.card .label{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.card .big{font-size:24px;font-weight:650}
.card .sub{font-size:12px;color:var(--muted)}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:12px}
figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
figure.wide{grid-column:1/-1}
figcaption{font-weight:600;margin-bottom:8px}
figcaption small{font-weight:400;color:var(--muted)}
svg.share{display:block;border-radius:6px;overflow:hidden;background:#eee}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
svg text.value{fill:var(--muted)}
svg text.centre{font-size:20px;font-weight:650}
.legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px}
.legend .swatch{display:inline-block;width:11px;height:11px;border-radius:3px;margin-right:6px;
vertical-align:-1px}
.legend .fig{color:var(--muted)}
.donut-row{display:flex;gap:16px;align-items:center}
.donut-row .legend{flex-direction:column}
table.pairs{border-collapse:collapse;font-size:13px;margin-top:8px}
table.pairs td,table.pairs th{padding:2px 12px 2px 0;text-align:left}
table.pairs th{color:var(--muted);font-weight:500}
#filters{position:sticky;top:0;z-index:2;background:rgba(246,247,249,.96);backdrop-filter:blur(4px);
padding:10px 32px;border-bottom:1px solid var(--line);display:flex;gap:8px;align-items:center;flex-wrap:wrap}
#filters button{font:inherit;font-size:13px;border:1px solid #c9ced4;background:#fff;border-radius:16px;
padding:3px 12px;cursor:pointer}
#filters button[aria-pressed=true]{background:var(--ink);color:#fff;border-color:var(--ink)}
#filters .keys{margin-left:auto;display:flex;gap:10px;font-size:12px;color:var(--muted)}
#shown{font-size:13px;color:var(--muted);margin-left:6px}
main{padding:12px 32px 40px}
details.doc{background:var(--card);border:1px solid var(--line);border-radius:10px;margin-bottom:14px}
details.doc>summary{cursor:pointer;padding:10px 16px;display:flex;gap:12px;align-items:center;
border-bottom:1px solid var(--line);flex-wrap:wrap}
.doc-id{font-weight:650;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:14px}
.lang-tag{font-size:12px;border:1px solid #c9ced4;border-radius:4px;padding:0 5px;color:var(--muted)}
.doc-stats{font-size:13px;color:var(--muted)}
.mini{flex:1;min-width:120px;max-width:320px}
.lines{padding:6px 0}
.line{display:grid;grid-template-columns:3.2em minmax(0,1.5fr) minmax(0,1fr);gap:0 14px;padding:2px 16px}
.line.block-start{margin-top:8px}
.line:hover{background:#fafbfc}
.line::before{content:attr(data-n);color:#aab1b8;font-size:12px;text-align:right;padding-top:2px;
font-variant-numeric:tabular-nums}
.src{overflow-wrap:anywhere}
.seg{border-radius:3px;padding:0 2px}
.o-chrome{color:#8a6d55;background:#fff3e0;text-decoration:line-through;text-decoration-color:rgba(239,108,0,.55)}
.o-dropped{color:#b71c1c;background:#ffebee;text-decoration:line-through;text-decoration-color:rgba(198,40,40,.6)}
.o-translated{color:#0d47a1;background:#e3f2fd}
.o-kept-foreign{color:#00695c;background:#e0f2f1}
.o-tagged{color:#4527a0;background:#ede7f6}
.out{font-size:13px}
.note{margin:1px 0 3px}
.badge{display:inline-block;font-size:12px;border-radius:10px;padding:0 8px;font-weight:600;
white-space:nowrap}
.b-chrome{background:#fff3e0;color:#bf5a00}
.b-dropped{background:#ffebee;color:#b71c1c}
.b-translated{background:#e3f2fd;color:#0d47a1}
.b-kept-foreign{background:#e0f2f1;color:#00695c}
.b-tagged{background:#ede7f6;color:#4527a0}
.why{color:var(--muted);font-size:12px}
.translation{color:#1b5e20;border-left:3px solid #81c784;padding-left:8px;margin-top:2px}
.package{color:var(--muted);font-size:11px;padding-left:11px}
.more,.error,.empty-note{padding:4px 16px;color:var(--muted)}
.error{color:var(--dropped)}
.chip{border-radius:3px;padding:0 4px;font-size:12px}
[hidden]{display:none!important}
@media (max-width:900px){.charts{grid-template-columns:1fr}.line{grid-template-columns:2.4em 1fr}
.out{grid-column:2}}
"""

# The filter toggles `hidden` on lines and documents (not only classes), so the DOM itself says what
# is shown: a test reading the rendered page sees the filter's effect.
SCRIPT = """
(function(){
  var FILTERS={all:null,removed:'has-removed',foreign:'has-foreign'};
  function apply(name){
    if(!(name in FILTERS)) name='all';
    var need=FILTERS[name], shown=0, total=0;
    document.querySelectorAll('details.doc').forEach(function(doc){
      var docShown=0;
      doc.querySelectorAll('.line').forEach(function(line){
        var ok=!need||line.classList.contains(need);
        line.hidden=!ok; total++; if(ok){shown++;docShown++;}
      });
      var empty=doc.querySelector('.empty-note');
      if(empty) empty.hidden=docShown>0||!need;
      doc.hidden=!!need&&docShown===0&&!doc.querySelector('.error');
    });
    document.querySelectorAll('#filters button').forEach(function(b){
      b.setAttribute('aria-pressed',String(b.dataset.filter===name));
    });
    document.body.dataset.filter=name;
    document.getElementById('shown').textContent=shown+' of '+total+' lines shown';
    if(name==='all'){ if(location.hash) history.replaceState(null,'',location.pathname+location.search); }
    else history.replaceState(null,'','#filter='+name);
  }
  document.querySelectorAll('#filters button').forEach(function(b){
    b.addEventListener('click',function(){apply(b.dataset.filter);});
  });
  document.addEventListener('mouseover',function(e){
    var s=e.target.closest&&e.target.closest('.seg');
    if(!s||s.title) return;
    var d=s.dataset, tip=d.lang+' '+d.score+' · '+d.verdict;
    if(d.action) tip+=' · '+d.action;
    if(d.reason) tip+=' · '+d.reason;
    s.title=tip;
  });
  var m=/filter=(\\w+)/.exec(location.hash);
  apply(m?m[1]:'all');
  document.documentElement.dataset.ready='1';
})();
"""
