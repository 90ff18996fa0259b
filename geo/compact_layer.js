{% macro script(this, kwargs) %}
(function () {
  var data = {{ this.payload }};
  var target = {{ this._parent.get_name() }};
  // The arcs (geo/encode.py): read as the communes' rings walk them, then those only borders use.
  var parts = data.a ? data.a.split("!") : [], arcs = [], at = [0, 0];
  function values(text) {
    var out = [], shift = 0, result = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i), chunk = code - 58 - (code > 92 ? 1 : 0);
      result |= (chunk & 31) << shift;
      shift += 5;
      if (chunk < 32) {
        out.push(result & 1 ? ~(result >> 1) : result >> 1);
        shift = 0;
        result = 0;
      }
    }
    return out;
  }
  function read(arc) {
    var v = values(parts[arcs.length]), x = at[0], y = at[1];
    for (var j = 0; j + 1 < v.length; j += 2) {
      x += v[j];
      y += v[j + 1];
      arc.push([x, y]);
    }
    return arc;
  }
  function ring(tokens) {
    var points = [];
    for (var k = 0; k < tokens.length; k++) {
      var arc, token = tokens[k];
      if (token === 0) {
        arc = read(k ? [at] : []);
        if (k === tokens.length - 1) { arc.push(points.length ? points[0] : arc[0]); }
        arcs.push(arc);
      } else {
        arc = arcs[arcs.length - Math.abs(token)];
        if (token > 0) { arc = arc.slice().reverse(); }
      }
      at = arc[arc.length - 1];
      for (var m = 0; m < arc.length - 1; m++) { points.push(arc[m]); }
    }
    return points;
  }
  var shapes = data.g.map(function (shape) {
    return shape.map(function (polygon) { return polygon.map(ring); });
  });
  while (arcs.length < parts.length) {
    arcs.push(read([]));
    at = arcs[arcs.length - 1][arcs[arcs.length - 1].length - 1];
  }
  function lonLat(points) {
    return points.map(function (p) { return [p[0] / data.s, p[1] / data.s]; });
  }
  function latLng(points) {
    return points.map(function (p) { return [p[1] / data.s, p[0] / data.s]; });
  }
  var digits = data.l.digits || "0123456789";
  function local(text) {  // the reader's digits (before escaping: entities keep theirs)
    return String(text == null ? "" : text).replace(/[0-9]/g, function (d) { return digits[d]; });
  }
  function esc(text) {
    return local(text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  var features = data.k.map(function (code, index) {
    var place = data.d[data.pi[index]] || ["", "", "", ""];
    return {
      type: "Feature",
      properties: {
        code: code, name_en: data.n[index], name_km: data.m[index], district_en: place[0],
        district_km: place[1], province_en: place[2], province_km: place[3],
        fill: data.fi[index], i: index, x: data.x[index] || []
      },
      geometry: {
        type: "MultiPolygon",
        coordinates: shapes[index].map(function (polygon) { return polygon.map(lonLat); })
      }
    };
  });
  function tooltip(p) {
    var km = data.l.lang === "km";
    var first = km ? p.name_km || p.name_en : p.name_en;
    var second = km ? (p.name_km ? p.name_en : "") : p.name_km;
    var district = km ? p.district_km : p.district_en;
    var province = km ? p.province_km : p.province_en;
    function line(label, value) {  // a place the map's units do not have is left out
      return label ? "<br>" + esc(label) + ": " + esc(value) : "";
    }
    return "<b>" + esc(first) + "</b>" + (second ? " · " + esc(second) : "") +
      line(data.l.district, district) + line(data.l.province, province) +
      "<br>" + esc(data.l.code) + ": " + (p.code ? esc(p.code) : "<i>" + esc(data.l.nocode) + "</i>") +
      p.x.map(function (value, k) {  // a line with nothing to say is left out, not left empty
        return data.xv[value] === "" ? "" : "<br>" + esc(data.xl[k]) + ": " + esc(data.xv[value]);
      }).join("");
  }
  var communes = L.geoJson({type: "FeatureCollection", features: features}, {
    interactive: data.interactive,
    style: function (feature) {
      return {
        fillColor: data.c[feature.properties.fill] || "none", fill: data.c.length > 0,
        color: data.st.color, weight: data.st.weight, fillOpacity: data.st.opacity
      };
    }
  });
  if (data.interactive) {  // one tooltip and one handler for all communes, not one each
    communes.bindTooltip(function (item) { return tooltip(item.feature.properties); },
                         {sticky: true});
    communes.on("mouseover", function (e) { e.layer.setStyle({weight: data.st.weight * 4}); });
    communes.on("mouseout", function (e) { e.layer.setStyle({weight: data.st.weight}); });
  }
  communes.addTo(target);
  if (data.b.length) {  // borders: the arcs they draw, each once
    var id = 0;
    var lines = data.b.map(function (step) { id += step; return latLng(arcs[id]); });
    L.polyline(lines, {color: data.bs.color, weight: data.bs.weight, interactive: false})
      .addTo(target);
  }
  if (data.ol.length) {  // outlined communes
    var outlined = [];  // one multipolygon: polygons of rings of points
    data.ol.forEach(function (i) {
      shapes[i].forEach(function (polygon) { outlined.push(polygon.map(latLng)); });
    });
    L.polygon(outlined, {fill: false, color: data.os.color, weight: data.os.weight,
                         interactive: false}).addTo(target);
  }
  // the unit whose story is open, or the place chosen in the search: outlined, and the map
  // fitted to it
  var chosen = data.fr.slice();
  if (data.sl >= 0) {
    shapes[data.sl].forEach(function (polygon) { chosen.push(polygon.map(latLng)); });
  }
  if (chosen.length) {
    var outline = L.polygon(chosen, {fill: false, color: "#000000", weight: 3.5,
      dashArray: "6 3", interactive: false, className: "atlas-selected"}).addTo(target);
    target.fitBounds(outline.getBounds(), {padding: [40, 40], maxZoom: 13});
  }
  data.p.forEach(function (point) {  // lat, lon, index of its tooltip text
    L.circleMarker([point[0], point[1]], {
      radius: 4, color: "#ffffff", weight: 1, fill: true, fillColor: data.pc, fillOpacity: 0.95
    }).bindTooltip(esc(data.pv[point[2]]), {sticky: true}).addTo(target);
  });
  if (digits !== "0123456789") {  // the scale bar's distances in the reader's digits too
    var relabel = function () {
      var lines = target.getContainer().querySelectorAll(".leaflet-control-scale-line");
      Array.prototype.forEach.call(lines, function (line) {
        line.textContent = local(line.textContent);
      });
    };
    target.on("move zoomend resize", relabel);
    target.whenReady(relabel);
  }
  {% if this.background %}target.getContainer().style.background = {{ this.background|tojson }};{% endif %}
})();
{% endmacro %}
