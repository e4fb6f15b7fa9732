// The view page: draws the graph data with vis-network, lays it out once (physics stops when the
// layout is still), and wires the search box, the filter by kind and the details panel.
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

  document.querySelectorAll("#legend input").forEach(function (box) {
    box.addEventListener("change", function () {
      nodes.update(nodes.get({filter: function (n) { return n.kind === box.value; }})
        .map(function (n) { return {id: n.id, hidden: !box.checked}; }));
    });
  });

  function find(query) {
    var exact = function (n) { return n.label.toLowerCase() === query; };
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

  network.setData({nodes: nodes, edges: edges});
  if (!data.nodes.length) { ready(); }
})();
