import { Link } from "react-router";

export default function NotFoundPage() {
  return (
    <>
      <h1>Страница не найдена</h1>
      <p>Такой страницы нет или она вам недоступна.</p>
      <p>
        <Link to="/">На главную</Link>
      </p>
    </>
  );
}
