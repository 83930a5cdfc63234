import type { Child } from 'hono/jsx';

/** A titled list of links to other pages of the site; nothing when the list is empty. */
export function LinkList(props: {
  readonly title: string;
  readonly id: string;
  readonly items: readonly {
    readonly href: string;
    readonly label: string;
    readonly text?: string | undefined;
  }[];
  readonly children?: Child;
}) {
  if (props.items.length === 0) return null;
  return (
    <section class="related" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <ul class="link-list">
        {props.items.map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>
            {item.text ? <p>{item.text}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
