// Swagger UI's configuration, in a file of its own (the CSP allows no inline script): the API document is
// this server's /openapi.json; no validator badge (it would call a public service).
window.addEventListener('DOMContentLoaded', function () {
  'use strict';
  window.ui = window.SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    defaultModelsExpandDepth: 0
  });
});
