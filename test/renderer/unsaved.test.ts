// Forms register whether they hold unsaved input while they are mounted; the question names them.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, defineComponent, nextTick, reactive, type App } from 'vue';
import { unsavedForms, useSnapshot, useUnsaved } from '../../renderer/components/forms/unsaved';

let app: App | undefined;

afterEach(() => {
  app?.unmount();
  app = undefined;
});

function mountForm(label: string) {
  const form = reactive({ theme: '', place: '区工商联三楼会议室' });
  let mark = () => {};
  const Form = defineComponent({
    setup() {
      const snapshot = useSnapshot(() => ({ ...form }));
      mark = snapshot.mark;
      useUnsaved(label, () => snapshot.dirty.value);
      return () => null;
    },
  });
  app = createApp(Form);
  app.mount(document.createElement('div'));
  return { form, mark: () => mark() };
}

describe('unsaved input', () => {
  it('is named while a form differs from what it was loaded or saved with, and forgotten when it goes', async () => {
    const { form, mark } = mountForm('新建会议');
    expect(unsavedForms()).toEqual([]);
    form.theme = '企业融资与项目建设';
    await nextTick();
    expect(unsavedForms()).toEqual(['新建会议']);
    // Typed back to what it was: nothing to lose.
    form.theme = '';
    expect(unsavedForms()).toEqual([]);
    form.place = '区政务中心';
    expect(unsavedForms()).toEqual(['新建会议']);
    mark();
    expect(unsavedForms()).toEqual([]);
    form.place = '区政务中心二楼';
    app!.unmount();
    app = undefined;
    expect(unsavedForms()).toEqual([]);
  });
});
