import { html, useState } from '../lib.js';
import { get, post, put, del } from '../api.js';
import { t } from '../i18n.js';
import { Page, Card, Input, ErrorText, Notice, money, useAction, useLoad, fieldErrors } from '../ui.js';

const FIELDS = ['model', 'input', 'output', 'cached_input', 'alias'];
const EMPTY = { model: '', input: '', output: '', cached_input: '', alias: '' };

function body(f) {
  if (f.alias) return { alias: f.alias };
  const b = { input: f.input, output: f.output };
  if (f.cached_input !== '') b.cached_input = f.cached_input;
  return b;
}

/** Everyone reads the price list (US dollars per 1M tokens); administrators edit it in place. */
export function Prices({ user }) {
  const admin = user.role !== 'user';
  const prices = useLoad(() => get('/api/prices'), []);
  const [form, setForm] = useState(EMPTY);
  const [editing, setEditing] = useState(null); // model being edited inline
  const [row, setRow] = useState(EMPTY);
  const [notice, setNotice] = useState('');
  const add = useAction();
  const edit = useAction();
  const errors = fieldErrors(add.error, FIELDS);

  const submit = (e) => {
    e.preventDefault();
    add.run(async () => {
      const p = await post('/api/prices', { model: form.model, ...body(form) });
      setNotice(t('prices.saved', p.model));
      setForm(EMPTY);
      prices.reload();
    });
  };
  const saveRow = (e) => {
    e.preventDefault();
    edit.run(async () => {
      await put('/api/prices/' + encodeURIComponent(editing), body(row));
      setNotice(t('prices.saved', editing));
      setEditing(null);
      prices.reload();
    });
  };
  const remove = (model) =>
    edit.run(async () => {
      await del('/api/prices/' + encodeURIComponent(model));
      setNotice(t('prices.deleted', model));
      prices.reload();
    });
  const startEdit = (p) => {
    setEditing(p.model);
    setRow({ model: p.model, input: p.alias ? '' : String(p.input ?? ''), output: p.alias ? '' : String(p.output ?? ''), cached_input: p.cached_input == null || p.alias ? '' : String(p.cached_input), alias: p.alias || '' });
    edit.setError(null);
  };
  const cell = (name, label) => html`<input class="inline-num" aria-label=${label} value=${row[name]} onInput=${(e) => setRow({ ...row, [name]: e.currentTarget.value })} />`;

  return html`<${Page} title=${t('nav.prices')}>
    <p class="muted">${t('prices.lead')}</p>
    <${Notice} text=${notice} />
    ${admin
      ? html`<${Card} title=${t('prices.add')}>
          <form class="form-grid" onSubmit=${submit} novalidate>
            <${Input} label=${t('common.model')} form=${form} set=${setForm} name="model" error=${errors.model} required />
            <${Input} label=${t('prices.input')} form=${form} set=${setForm} name="input" inputmode="decimal" error=${errors.input} />
            <${Input} label=${t('prices.output')} form=${form} set=${setForm} name="output" inputmode="decimal" error=${errors.output} />
            <${Input} label=${t('prices.cached')} form=${form} set=${setForm} name="cached_input" inputmode="decimal" error=${errors.cached_input} />
            <${Input} label=${t('prices.alias')} form=${form} set=${setForm} name="alias" hint=${t('prices.aliasHint')} error=${errors.alias} />
            <${ErrorText} error=${errors._form ? add.error : null} />
            <div class="form-actions"><button type="submit" class="primary" disabled=${add.busy}>${t('common.save')}</button></div>
          </form>
        <//>`
      : null}
    <${ErrorText} error=${prices.error || edit.error} />
    ${prices.data
      ? html`<form onSubmit=${saveRow}><div class="table-wrap"><table>
          <caption class="sr-only">${t('nav.prices')}</caption>
          <thead><tr>
            <th scope="col">${t('common.model')}</th><th scope="col" class="num">${t('prices.input')}</th>
            <th scope="col" class="num">${t('prices.output')}</th><th scope="col" class="num">${t('prices.cached')}</th>
            <th scope="col">${t('prices.alias')}</th>${admin ? html`<th scope="col">${t('common.actions')}</th>` : null}
          </tr></thead>
          <tbody>
            ${prices.data.items.map((p) => editing === p.model
              ? html`<tr>
                  <td>${p.model}</td>
                  <td class="num">${cell('input', t('prices.inputOf', p.model))}</td>
                  <td class="num">${cell('output', t('prices.outputOf', p.model))}</td>
                  <td class="num">${cell('cached_input', t('prices.cachedOf', p.model))}</td>
                  <td>${cell('alias', t('prices.aliasOf', p.model))}</td>
                  <td class="row-actions"><button type="submit" class="primary">${t('common.save')}</button>
                    <button type="button" onClick=${() => setEditing(null)}>${t('common.cancel')}</button></td>
                </tr>`
              : html`<tr>
                  <td>${p.model}</td><td class="num">${money(p.input)}</td><td class="num">${money(p.output)}</td>
                  <td class="num">${money(p.cached_input)}</td><td>${p.alias || '—'}</td>
                  ${admin
                    ? html`<td class="row-actions">
                        <button type="button" class="subtle" onClick=${() => startEdit(p)} aria-label=${t('common.editNamed', p.model)}>${t('common.edit')}</button>
                        <button type="button" class="subtle" onClick=${() => remove(p.model)} aria-label=${t('common.deleteNamed', p.model)}>${t('common.delete')}</button></td>`
                    : null}
                </tr>`)}
          </tbody>
        </table></div></form>
        ${!prices.data.items.length ? html`<p class="muted">${t('common.noData')}</p>` : null}`
      : null}
    ${admin ? html`<${Ratios} />` : null}
  <//>`;
}

function Ratios() {
  const groups = useLoad(() => get('/api/groups'), []);
  const models = useLoad(() => get('/api/ratios/models'), []);
  const [form, setForm] = useState({ group: '', ratio: '' });
  const save = useAction();
  const errors = fieldErrors(save.error, ['group', 'ratio']);
  const submit = (e) => {
    e.preventDefault();
    save.run(async () => {
      await post('/api/ratios/groups', { group: form.group, ratio: form.ratio });
      setForm({ group: '', ratio: '' });
      groups.reload();
    });
  };
  return html`<div class="grid2">
    <${Card} title=${t('prices.groupRatios')}>
      <${ErrorText} error=${groups.error} />
      ${groups.data
        ? html`<table><thead><tr><th scope="col">${t('common.group')}</th><th scope="col" class="num">${t('prices.ratio')}</th>
            <th scope="col" class="num">${t('nav.users')}</th><th scope="col" class="num">${t('nav.channels')}</th></tr></thead>
            <tbody>${groups.data.items.map((g) => html`<tr><td>${g.name}</td><td class="num">${g.ratio}</td><td class="num">${g.users}</td><td class="num">${g.channels}</td></tr>`)}</tbody></table>`
        : null}
      <form class="form-grid" onSubmit=${submit} novalidate>
        <${Input} label=${t('common.group')} form=${form} set=${setForm} name="group" error=${errors.group} />
        <${Input} label=${t('prices.ratio')} form=${form} set=${setForm} name="ratio" inputmode="decimal" error=${errors.ratio} />
        <${ErrorText} error=${errors._form ? save.error : null} />
        <div class="form-actions"><button type="submit" disabled=${save.busy}>${t('prices.setRatio')}</button></div>
      </form>
    <//>
    <${Card} title=${t('prices.modelRatios')}>
      <${ErrorText} error=${models.error} />
      ${models.data && models.data.items.length
        ? html`<table><thead><tr><th scope="col">${t('common.model')}</th><th scope="col" class="num">${t('prices.ratio')}</th><th scope="col" class="num">${t('prices.completionRatio')}</th></tr></thead>
            <tbody>${models.data.items.map((m) => html`<tr><td>${m.model}</td><td class="num">${m.ratio}</td><td class="num">${m.completion_ratio ?? '—'}</td></tr>`)}</tbody></table>`
        : html`<p class="muted">${t('common.noData')}</p>`}
    <//>
  </div>`;
}
