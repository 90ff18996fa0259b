{% macro script(this, kwargs) %}
(function () {
  var data = {{ this.payload }};
  var target = {{ this._parent.get_name() }};
  function decodeRing(text, scale) {
    var values = [], shift = 0, result = 0;
    for (var i = 0; i < text.length; i++) {
      var chunk = text.charCodeAt(i) - data.o;
      result |= (chunk & 31) << shift;
      shift += 5;
      if (chunk < 32) {
        values.push(result & 1 ? ~(result >> 1) : result >> 1);
        shift = 0;
        result = 0;
      }
    }
    var ring = [], x = 0, y = 0;
    for (var j = 0; j + 1 < values.length; j += 2) {
      x += values[j];
      y += values[j + 1];
      ring.push([x / scale, y / scale]);
    }
    if (ring.length) { ring.push(ring[0]); }
    return ring;
  }
  function esc(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  var features = data.f.map(function (row, index) {
    var place = data.d[row[3]] || ["", "", "", ""];
    return {
      type: "Feature",
      properties: {
        code: row[0], name_en: row[1], name_km: row[2], district_en: place[0],
        district_km: place[1], province_en: place[2], province_km: place[3], fill: row[4],
        i: index, x: row[6] || []
      },
      geometry: {
        type: "MultiPolygon",
        coordinates: row[5].map(function (poly) {
          return poly.map(function (ring) { return decodeRing(ring, data.s); });
        })
      }
    };
  });
  function tooltip(p) {
    var km = data.l.lang === "km";
    var first = km ? p.name_km || p.name_en : p.name_en;
    var second = km ? (p.name_km ? p.name_en : "") : p.name_km;
    var district = km ? p.district_km : p.district_en;
    var province = km ? p.province_km : p.province_en;
    return "<b>" + esc(first) + "</b>" + (second ? " · " + esc(second) : "") +
      "<br>" + esc(data.l.district) + ": " + esc(district) +
      "<br>" + esc(data.l.province) + ": " + esc(province) +
      "<br>" + esc(data.l.code) + ": " + (p.code ? esc(p.code) : "<i>" + esc(data.l.nocode) + "</i>") +
      p.x.map(function (value, k) {
        return "<br>" + esc(data.xl[k]) + ": " + esc(data.xv[value]);
      }).join("");
  }
  var layer = L.geoJson({type: "FeatureCollection", features: features}, {
    interactive: data.interactive,
    style: function (feature) {
      return {
        fillColor: data.c[feature.properties.fill] || "none", fill: data.c.length > 0,
        color: data.st.color, weight: data.st.weight, fillOpacity: data.st.opacity
      };
    },
    onEachFeature: function (feature, item) {
      if (!data.interactive) { return; }
      item.bindTooltip(tooltip(feature.properties), {sticky: true});
      item.on("mouseover", function () { item.setStyle({weight: data.st.weight * 4}); });
      item.on("mouseout", function () { item.setStyle({weight: data.st.weight}); });
    }
  });
  layer.addTo(target);
  {% if this.background %}target.getContainer().style.background = {{ this.background|tojson }};{% endif %}
})();
{% endmacro %}
