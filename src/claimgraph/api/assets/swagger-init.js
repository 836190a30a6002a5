// Starts Swagger UI on /docs from the vendored bundle (no inline script, no CDN).
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (typeof window.SwaggerUIBundle !== "function") {
    root.textContent = "The interactive reference needs Swagger UI in static/vendor/ (make install). " +
      "The OpenAPI schema is at /openapi.json.";
    return;
  }
  window.ui = window.SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
})();
