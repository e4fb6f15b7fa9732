// The view page: draws the graph data with vis-network, lays it out once (physics stops when the
// layout is still), and wires the search box, the filters by kind and date, the details panel, the
// expansion of a node's hidden neighbours (double-click) and the path search, all from the data
// the page carries.
// Texts from the graph are only ever set with textContent: nothing in the data can become markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var container = document.getElementById("network");
  var status = document.getElementById("status");
  var details = document.getElementById("details");
  var view = window.kgView = {ready: false, readyAt: null, started: performance.now()};

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined) { el.textContent = text; }
    if (className) { el.className = className; }
    return el;
  }

  // info: {heading, kind, lines: [text], quotes: [sentence], links: [[text, url]]}
  function infoElement(info) {
    var box = element("div", undefined, "info");
    box.appendChild(element("h2", info.heading));
    if (info.kind) { box.appendChild(element("p", info.kind, "kind")); }
    if (info.lines && info.lines.length) {
      var list = element("ul");
      info.lines.forEach(function (line) { list.appendChild(element("li", line)); });
      box.appendChild(list);
    }
    (info.quotes || []).forEach(function (quote) { box.appendChild(element("blockquote", quote)); });
    (info.links || []).forEach(function (link) {
      var p = element("p");
      if (/^https?:\/\//i.test(link[1])) {
        var a = element("a", link[0]);
        a.href = link[1];
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        p.appendChild(a);
      } else {
        p.textContent = link[0];
      }
      box.appendChild(p);
    });
    return box;
  }

  // Tooltips start as plain text and become formatted elements when first hovered.
  function plain(info) {
    return [info.heading, info.kind].concat(info.lines, info.quotes).join("\n");
  }
  var nodeInfo = data.nodeInfo, edgeInfo = data.edgeInfo;
  data.nodes.forEach(function (n) { n.title = plain(nodeInfo[n.id]); });
  data.edges.forEach(function (e) { e.title = plain(edgeInfo[e.id]); });
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, {}, data.options);
  view.network = network;
  view.nodes = nodes;
  view.edges = edges;
  // What vis-network draws: nodes and edges neither hidden nor attached to a hidden node.
  view.drawn = function () {
    return {nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length};
  };

  network.on("stabilizationProgress", function (p) {
    status.textContent = "Menata tata letak… / Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  function ready() {
    if (view.ready) { return; }
    network.setOptions({physics: false});
    view.ready = true;
    view.readyAt = performance.now();
    status.textContent = "Siap / Ready";
  }
  if (data.options.physics.enabled === false) {
    network.once("afterDrawing", function () { setTimeout(ready, 0); });  // laid out beforehand
  } else {
    network.once("stabilizationIterationsDone", ready);
  }
  network.on("hoverNode", function (params) { richTitle(nodes, nodeInfo, params.node); });
  network.on("hoverEdge", function (params) { richTitle(edges, edgeInfo, params.edge); });

  function richTitle(set, infos, id) {
    var item = set.get(id);
    if (item && typeof item.title === "string") { set.update({id: id, title: infoElement(infos[id])}); }
  }

  function show(info) {
    details.replaceChildren(infoElement(info));
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      show(nodeInfo[params.nodes[0]]);
    } else if (params.edges.length) {
      show(edgeInfo[params.edges[0]]);
    }
  });

  // ---- filters: a kind unticked in the legend, facts outside the date range ----
  var dateFrom = data.dates[0] || "", dateTo = data.dates[1] || "";
  var kindOff = {};
  function inRange(item) {
    var dates = item.dates || [];
    return !dates.length || dates.some(function (d) { return d >= dateFrom && d <= dateTo; });
  }
  function nodeHidden(n) { return !!kindOff[n.kind] || !inRange(n); }
  function applyFilters() {
    nodes.update(nodes.get().map(function (n) { return {id: n.id, hidden: nodeHidden(n)}; }));
    edges.update(edges.get().map(function (e) { return {id: e.id, hidden: !inRange(e)}; }));
  }
  view.setDates = function (from, to) {
    dateFrom = from || data.dates[0];
    dateTo = to || data.dates[1];
    applyFilters();
  };
  document.querySelectorAll("#legend input:not(.evidence)").forEach(function (box) {
    box.addEventListener("change", function () {
      kindOff[box.value] = !box.checked;
      applyFilters();
    });
  });
  if (data.dates.length) {
    var dates = document.getElementById("dates"), from = document.getElementById("date-from"),
      to = document.getElementById("date-to");
    dates.hidden = false;
    [from, to].forEach(function (input) {
      input.min = data.dates[0];
      input.max = data.dates[1];
      input.addEventListener("change", function () { view.setDates(from.value, to.value); });
    });
    from.value = data.dates[0];
    to.value = data.dates[1];
  }

  function find(query) {
    var exact = function (n) { return baseLabel[n.id].toLowerCase() === query; };
    var partial = function (n) { return n.search.indexOf(query) >= 0; };
    var shown = nodes.get({filter: function (n) { return !n.hidden; }});
    var hidden = nodes.get({filter: function (n) { return n.hidden; }});
    // A name typed in full finds that node even when a shown node merely mentions it.
    return shown.find(exact) || (hidden.find(exact) && {hidden: hidden.find(exact)}) || shown.find(partial) ||
      {hidden: hidden.find(partial)};
  }

  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("search-input").value.trim().toLowerCase();
    if (!query) { return; }
    var hit = find(query);
    if (!hit.id) {
      status.textContent = hit.hidden
        ? "Tersembunyi oleh filter jenis / Hidden by the kind filter: " + hit.hidden.label
        : "Tidak ditemukan / Not found: " + query;
      return;
    }
    status.textContent = hit.label;
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: 1.4, animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    show(nodeInfo[hit.id]);
  });

  // ---- the pool: hidden neighbours (double-click), evidence (legend), paths ----
  var pool = data.pool, poolNode = {}, poolEdges = {}, baseLabel = {}, opened = {}, adjacency = {};
  pool.nodes.forEach(function (n) { poolNode[n.id] = n; baseLabel[n.id] = n.label; });
  data.nodes.forEach(function (n) { baseLabel[n.id] = n.label; });
  function link(a, b, edge) { (adjacency[a] = adjacency[a] || []).push([b, edge]); }
  data.edges.concat(pool.edges).forEach(function (e) { link(e.from, e.to, e); link(e.to, e.from, e); });
  pool.edges.forEach(function (e) { poolEdges[e.id] = e; });
  function hiddenNeighbours(id) {
    var out = {};
    (adjacency[id] || []).forEach(function (pair) {
      if (!nodes.get(pair[0]) && poolNode[pair[0]]) { out[pair[0]] = true; }
    });
    return Object.keys(out);
  }
  function labelled(id) {
    var count = hiddenNeighbours(id).length;
    return {id: id, label: baseLabel[id] + (count ? " (+" + count + ")" : "")};
  }
  relabel(data.nodes.map(function (n) { return n.id; }));
  function relabel(ids) {
    nodes.update(ids.filter(function (id) { return nodes.get(id); }).map(labelled));
  }
  function neighboursOf(ids) {
    var out = {};
    ids.forEach(function (id) { (adjacency[id] || []).forEach(function (pair) { out[pair[0]] = true; }); });
    return Object.keys(out);
  }
  function addNodes(ids, near) {
    var centre = near && nodes.get(near) ? network.getPosition(near) : {x: 0, y: 0};
    var fresh = ids.filter(function (id) { return !nodes.get(id) && poolNode[id]; });
    nodes.add(fresh.map(function (id, i) {
      var angle = 2 * Math.PI * i / Math.max(fresh.length, 1), radius = 120 + 4 * fresh.length;
      var n = Object.assign({}, poolNode[id], {x: centre.x + radius * Math.cos(angle),
        y: centre.y + radius * Math.sin(angle)});
      n.title = plain(nodeInfo[id]);
      n.hidden = nodeHidden(n);
      return n;
    }));
    var present = {};
    fresh.forEach(function (id) {
      (adjacency[id] || []).forEach(function (pair) {
        var e = pair[1];
        if (poolEdges[e.id] && !edges.get(e.id) && !present[e.id] && nodes.get(pair[0])) {
          present[e.id] = Object.assign({}, e, {title: plain(edgeInfo[e.id]), hidden: !inRange(e)});
        }
      });
    });
    edges.add(Object.keys(present).map(function (k) { return present[k]; }));
    relabel(fresh.concat(neighboursOf(fresh)));
    return fresh;
  }
  function removeNodes(ids) {
    var gone = ids.filter(function (id) { return poolNode[id] && nodes.get(id); });
    var touching = {};
    gone.forEach(function (id) {
      (adjacency[id] || []).forEach(function (pair) { if (poolEdges[pair[1].id]) { touching[pair[1].id] = true; } });
    });
    edges.remove(Object.keys(touching));
    nodes.remove(gone);
    relabel(neighboursOf(gone));
    return gone;
  }
  view.expand = function (id) {
    opened[id] = addNodes(hiddenNeighbours(id), id);
    status.textContent = "+" + opened[id].length + " " + baseLabel[id];
    return opened[id];
  };
  view.collapse = function (id) {
    var gone = removeNodes(opened[id] || []);
    delete opened[id];
    status.textContent = "−" + gone.length + " " + baseLabel[id];
    return gone;
  };
  network.on("doubleClick", function (params) {
    if (!params.nodes.length) { return; }
    var id = params.nodes[0];
    if (opened[id]) { view.collapse(id); } else { view.expand(id); }
  });
  document.querySelectorAll("#legend input.evidence").forEach(function (box) {
    box.addEventListener("change", function () {
      var ofKind = pool.nodes.filter(function (n) { return n.kind === box.value; })
        .map(function (n) { return n.id; });
      if (box.checked) {
        addNodes(ofKind.filter(function (id) {
          return (adjacency[id] || []).some(function (pair) { return nodes.get(pair[0]); });
        }));
      } else {
        removeNodes(ofKind);
      }
    });
  });

  function named(query) {
    query = query.trim().toLowerCase();
    var ids = Object.keys(baseLabel);
    return ids.find(function (id) { return baseLabel[id].toLowerCase() === query; }) ||
      ids.find(function (id) { return baseLabel[id].toLowerCase().indexOf(query) >= 0; });
  }
  // Articles and quotations join almost anything: a path goes through them only when they are shown.
  function walkable(id) {
    var n = nodes.get(id) || poolNode[id];
    var box = n && document.querySelector("#legend input.evidence[value=" + n.kind + "]");
    return !box || box.checked;
  }
  // Breadth-first over every link the page holds, drawn or not: the shortest path in hops.
  view.findPath = function (fromName, toName) {
    var start = named(fromName), goal = named(toName);
    if (!start || !goal) {
      status.textContent = "Tidak ditemukan / Not found: " + (start ? toName : fromName);
      return null;
    }
    var previous = {}, queue = [start];
    previous[start] = null;
    while (queue.length && !(goal in previous)) {
      var at = queue.shift();
      (adjacency[at] || []).forEach(function (pair) {
        if (!(pair[0] in previous) && (pair[0] === goal || walkable(pair[0]))) {
          previous[pair[0]] = [at, pair[1]];
          queue.push(pair[0]);
        }
      });
    }
    if (!(goal in previous)) {
      status.textContent = "Tidak ada jalur / No path: " + baseLabel[start] + " – " + baseLabel[goal];
      return null;
    }
    var path = [goal], links = [];
    for (var step = previous[goal]; step; step = previous[step[0]]) { path.unshift(step[0]); links.push(step[1].id); }
    addNodes(path, start);
    var onPath = links.filter(function (id) { return edges.get(id); });
    nodes.update(path.map(function (id) { return {id: id, hidden: false}; }));
    edges.update(onPath.map(function (id) { return {id: id, hidden: false}; }));
    network.setSelection({nodes: path, edges: onPath});
    network.fit({nodes: path, animation: false});
    status.textContent = "Jalur / Path (" + (path.length - 1) + "): " +
      path.map(function (id) { return baseLabel[id]; }).join(" → ");
    view.path = path;
    return path;
  };
  document.getElementById("path").addEventListener("submit", function (event) {
    event.preventDefault();
    view.findPath(document.getElementById("path-from").value, document.getElementById("path-to").value);
  });

  network.setData({nodes: nodes, edges: edges});
  if (!data.nodes.length) { ready(); }
})();
