import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { caseParams } from '../../../shared/contracts/cases.js';
import { okResponse, readErrors, writeErrors } from '../../../shared/contracts/common.js';
import {
  caseFormParams,
  correctFormResponseBody,
  createFormTemplateBody,
  exportFormQuery,
  type FormProblem,
  formExportFile,
  formResponseList,
  formResponseView,
  formsOrganizationQuery,
  formTemplateList,
  formTemplateParams,
  formTemplateView,
  formVersionParams,
  formVersionView,
  importFormBody,
  importFormResult,
  saveFormDraftBody,
  saveFormResponseBody,
  startFormResponseBody,
  submitFormResponseBody,
} from '../../../shared/contracts/forms.js';
import { describeDefinitionPath, fieldAtPath } from '../../../shared/forms/definition.js';
import { type Language, translate } from '../../../shared/i18n/index.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { handleError, requestLanguage } from '../../http/errors.js';
import { contentDisposition } from '../attachments/attachments.service.js';
import * as service from './forms.service.js';

const templateTags = ['forms'];
const responseTags = ['forms', 'cases'];

/** One problem as `{ field, message }`, named by the question's (or section's) label in the user's language. */
function describeProblem(lang: Language, err: service.FormProblemsError, p: FormProblem) {
  let label = p.path;
  if (err.definition && err.code === 'forms.answers_invalid') {
    const field = fieldAtPath(err.definition, p.path);
    if (field) {
      label = (lang === 'en' && field.label.en) || field.label.id;
      const row = p.path.split('.')[1];
      if (row !== undefined) label = translate(lang, 'forms.problems.row_label', { label, row: Number(row) + 1 });
    }
  } else if (err.definition) {
    label = describeDefinitionPath(err.definition, p.path, lang) || p.path;
  }
  const message = translate(lang, `forms.problems.${p.code}`, p.vars);
  return { field: `${err.pathPrefix}${p.path}`, message: translate(lang, 'validation.field_message', { field: label, message }) };
}

/** Problems found by the form validators answer 400 with every problem; anything else goes to the common handler. */
function formsErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof service.FormProblemsError) {
    const lang = requestLanguage(req);
    const fields = err.problems.map((p) => describeProblem(lang, err, p));
    const message = `${translate(lang, `errors.${err.code}`, { count: fields.length })} ${fields.map((f) => f.message).join('; ')}`;
    return reply.status(400).send({ error: { code: err.code, message, fields } });
  }
  return handleError(err, req, reply);
}

/** Assessment form templates (designer, export/import) and forms filled in for a case. */
export function registerFormRoutes(app: ZodApp, { db }: AppContext) {
  // -------------------------------------------------------------------------------------------
  // Templates

  app.get(
    '/api/forms/templates',
    {
      schema: {
        tags: templateTags,
        summary: "An organization's assessment form templates with their versions (shipped ones are added on first use)",
        querystring: formsOrganizationQuery,
        response: { 200: formTemplateList, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'forms.read');
      return { items: await service.listTemplates(db, actor, req.query.organizationId) };
    },
  );

  app.post(
    '/api/forms/templates',
    {
      errorHandler: formsErrorHandler,
      schema: {
        tags: templateTags,
        summary: 'Create a template with a first draft version',
        querystring: formsOrganizationQuery,
        body: createFormTemplateBody,
        response: { 201: formVersionView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'forms.design');
      return reply.status(201).send(await service.createTemplate(db, actor, req.query.organizationId, req.body, req.ip));
    },
  );

  app.get(
    '/api/forms/templates/:id',
    {
      schema: {
        tags: templateTags,
        summary: 'One template with its versions',
        params: formTemplateParams,
        response: { 200: formTemplateView, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'forms.read');
      return service.getTemplate(db, actor, req.params.id);
    },
  );

  app.post(
    '/api/forms/templates/:id/drafts',
    {
      schema: {
        tags: templateTags,
        summary: 'Start a new draft version, a copy of the latest version',
        params: formTemplateParams,
        response: { 201: formVersionView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'forms.design');
      return reply.status(201).send(await service.createDraft(db, actor, req.params.id, req.ip));
    },
  );

  app.get(
    '/api/forms/templates/:id/export',
    {
      schema: {
        tags: templateTags,
        summary: 'Download a template version as a JSON file another office can import',
        params: formTemplateParams,
        querystring: exportFormQuery,
        response: { 200: formExportFile, ...readErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'forms.design');
      const { file, fileName } = await service.exportTemplate(db, actor, req.params.id, req.query.versionId, req.ip);
      return reply.header('content-disposition', contentDisposition('attachment', fileName)).send(file);
    },
  );

  app.post(
    '/api/forms/import',
    {
      errorHandler: formsErrorHandler,
      schema: {
        tags: templateTags,
        summary: 'Import a template file as a new draft (of the template with the same key, or a new template)',
        querystring: formsOrganizationQuery,
        body: importFormBody,
        response: { 201: importFormResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'forms.design');
      return reply.status(201).send(await service.importTemplate(db, actor, req.query.organizationId, req.body, req.ip));
    },
  );

  app.get(
    '/api/forms/versions/:id',
    {
      schema: {
        tags: templateTags,
        summary: 'One version of a template with its whole definition',
        params: formVersionParams,
        response: { 200: formVersionView, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'forms.read');
      return service.getVersion(db, actor, req.params.id);
    },
  );

  app.put(
    '/api/forms/versions/:id',
    {
      errorHandler: formsErrorHandler,
      schema: {
        tags: templateTags,
        summary: 'Save the definition of a draft version (refused with every problem when it is not valid)',
        params: formVersionParams,
        body: saveFormDraftBody,
        response: { 200: formVersionView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'forms.design');
      return service.saveDraft(db, actor, req.params.id, req.body.definition, req.ip);
    },
  );

  app.post(
    '/api/forms/versions/:id/publish',
    {
      errorHandler: formsErrorHandler,
      schema: {
        tags: templateTags,
        summary: 'Publish a draft version: new forms use it; forms already started keep their version',
        params: formVersionParams,
        response: { 200: formVersionView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'forms.design');
      return service.publishVersion(db, actor, req.params.id, req.ip);
    },
  );

  app.delete(
    '/api/forms/versions/:id',
    {
      schema: {
        tags: templateTags,
        summary: 'Throw away a draft version',
        params: formVersionParams,
        response: { 200: okResponse, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'forms.design');
      await service.discardDraft(db, actor, req.params.id, req.ip);
      return { ok: true as const };
    },
  );

  // -------------------------------------------------------------------------------------------
  // Forms filled in for a case

  app.get(
    '/api/cases/:caseId/forms',
    {
      schema: {
        tags: responseTags,
        summary: 'The assessment forms of a case (drafts and submitted), without their answers',
        params: caseParams,
        response: { 200: formResponseList, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return { items: await service.listCaseResponses(db, actor, req.params.caseId) };
    },
  );

  app.post(
    '/api/cases/:caseId/forms',
    {
      schema: {
        tags: responseTags,
        summary: "Start filling a template in a case (on its latest published version); an open draft of it is returned instead",
        params: caseParams,
        body: startFormResponseBody,
        response: { 200: formResponseView, 201: formResponseView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      const { response, created } = await service.startResponse(db, actor, req.params.caseId, req.body, req.ip);
      return reply.status(created ? 201 : 200).send(response);
    },
  );

  app.get(
    '/api/cases/:caseId/forms/:id',
    {
      schema: {
        tags: responseTags,
        summary: 'One form of a case with its answers and the definition of its version',
        params: caseFormParams,
        response: { 200: formResponseView, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.getCaseResponse(db, actor, req.params.caseId, req.params.id);
    },
  );

  app.put(
    '/api/cases/:caseId/forms/:id',
    {
      errorHandler: formsErrorHandler,
      schema: {
        tags: responseTags,
        summary: 'Auto-save a draft: the answers as they are now (incomplete is fine; only types are checked)',
        params: caseFormParams,
        body: saveFormResponseBody,
        response: { 200: formResponseView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.saveResponse(db, actor, req.params.caseId, req.params.id, req.body.answers, req.ip);
    },
  );

  app.post(
    '/api/cases/:caseId/forms/:id/submit',
    {
      errorHandler: formsErrorHandler,
      schema: {
        tags: responseTags,
        summary: 'Submit a draft, validated against its version; completes the SOP stage when the template says so',
        params: caseFormParams,
        body: submitFormResponseBody,
        response: { 200: formResponseView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.submitResponse(db, actor, req.params.caseId, req.params.id, req.body.answers, req.ip);
    },
  );

  app.post(
    '/api/cases/:caseId/forms/:id/correct',
    {
      errorHandler: formsErrorHandler,
      schema: {
        tags: responseTags,
        summary: 'Correct a submitted form (audited with the changed questions, never the answers)',
        params: caseFormParams,
        body: correctFormResponseBody,
        response: { 200: formResponseView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.correctResponse(db, actor, req.params.caseId, req.params.id, req.body.answers, req.ip);
    },
  );

  app.delete(
    '/api/cases/:caseId/forms/:id',
    {
      schema: {
        tags: responseTags,
        summary: 'Throw away a draft form',
        params: caseFormParams,
        response: { 200: okResponse, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      await service.discardResponse(db, actor, req.params.caseId, req.params.id, req.ip);
      return { ok: true as const };
    },
  );
}
