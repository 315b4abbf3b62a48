/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ClientSession on AuthPayload {\n  accessToken\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation ClientRegister($input: RegisterInput!) {\n  register(input: $input) {\n    ...ClientSession\n  }\n}\n\nmutation ClientLogin($input: LoginInput!) {\n  login(input: $input) {\n    ...ClientSession\n  }\n}\n\nmutation ClientRefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...ClientSession\n  }\n}\n\nmutation ClientLogout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery ClientMe {\n  me {\n    id\n    email\n    name\n    roles\n  }\n}": typeof types.ClientSessionFragmentDoc,
    "mutation ConsoleSetStockLevels($items: [StockLevelInput!]!) {\n  setStockLevels(items: $items) {\n    index\n    sku\n    status\n    stock {\n      productId\n      onHand\n      reserved\n      available\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.ConsoleSetStockLevelsDocument,
    "query ClientNode($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Product {\n      name\n      price {\n        amount\n        currency\n      }\n    }\n    ... on Order {\n      orderStatus: status\n      total {\n        amount\n        currency\n      }\n    }\n  }\n}\n\nquery ClientNodes($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    __typename\n    id\n  }\n}": typeof types.ClientNodeDocument,
    "fragment StorefrontOrderFields on Order {\n  id\n  status\n  version\n  total {\n    amount\n    currency\n  }\n  lines {\n    quantity\n    unitPrice {\n      amount\n      currency\n    }\n    lineTotal {\n      amount\n      currency\n    }\n    product {\n      id\n      name\n    }\n  }\n  payment {\n    status\n    clientSecret\n  }\n  createdAt\n}\n\nmutation StorefrontPlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...StorefrontOrderFields\n  }\n}\n\nmutation StorefrontConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n  confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n    id\n    status\n  }\n}\n\nquery StorefrontOrder($id: ID!) {\n  order(id: $id) {\n    ...StorefrontOrderFields\n  }\n}\n\nquery StorefrontOrderHistory($first: Int, $after: String, $last: Int, $before: String) {\n  me {\n    id\n    orders(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...StorefrontOrderFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}\n\nsubscription StorefrontOrderStatus($orderId: ID!) {\n  orderStatusChanged(orderId: $orderId) {\n    ...StorefrontOrderFields\n  }\n}": typeof types.StorefrontOrderFieldsFragmentDoc,
    "query StorefrontProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {\n  products(\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n    filter: $filter\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nquery StorefrontProduct($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    description\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n    }\n  }\n}\n\nsubscription StorefrontStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    productId\n    available\n  }\n}": typeof types.StorefrontProductsDocument,
    "fragment ConsoleStockFields on StockLevel {\n  productId\n  onHand\n  reserved\n  available\n  lowStockThreshold\n  lowStock\n  version\n}\n\nfragment ConsoleProductFields on Product {\n  id\n  sku\n  name\n  status\n  price {\n    amount\n    currency\n  }\n  stock {\n    ...ConsoleStockFields\n  }\n  variants {\n    status\n  }\n}\n\nquery ConsoleProducts($filter: ProductFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        ...ConsoleProductFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleCreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...ConsoleProductFields\n  }\n}\n\nmutation ConsoleUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...ConsoleProductFields\n  }\n}\n\nmutation ConsoleArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    ...ConsoleProductFields\n  }\n}\n\nquery ConsoleProductVariants($id: ID!) {\n  product(id: $id) {\n    variants {\n      id\n      sku\n      title\n      status\n      price {\n        amount\n        currency\n      }\n      stock {\n        available\n        onHand\n      }\n    }\n  }\n}\n\nmutation ConsoleSetStock($sku: String!, $onHand: Int!) {\n  setStockBySku(sku: $sku, onHand: $onHand) {\n    ...ConsoleStockFields\n  }\n}\n\nmutation ConsoleAdjustStock($sku: String!, $delta: Int!, $reason: String!, $key: String) {\n  adjustStockBySku(\n    sku: $sku\n    delta: $delta\n    reason: $reason\n    idempotencyKey: $key\n  ) {\n    ...ConsoleStockFields\n  }\n}\n\nquery ConsoleLowStock {\n  lowStock(first: 50) {\n    edges {\n      node {\n        ...ConsoleStockFields\n        product {\n          sku\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nfragment ConsoleOrderFields on Order {\n  id\n  status\n  version\n  createdAt\n  total {\n    amount\n    currency\n  }\n  customer {\n    email\n    name\n  }\n  lines {\n    quantity\n    product {\n      name\n    }\n  }\n}\n\nquery ConsoleOrders($filter: OrderFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  orders(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        ...ConsoleOrderFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleShipOrder($id: ID!) {\n  shipOrder(id: $id) {\n    ...ConsoleOrderFields\n  }\n}\n\nmutation ConsoleDeliverOrder($id: ID!) {\n  deliverOrder(id: $id) {\n    ...ConsoleOrderFields\n  }\n}\n\nsubscription ConsoleOrdersChanged($filter: OrderChangeFilter) {\n  ordersChanged(filter: $filter) {\n    ...ConsoleOrderFields\n  }\n}\n\nquery ConsoleAudit($filter: AuditFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  auditLog(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        id\n        at\n        actorId\n        actorName\n        service\n        action\n        entityType\n        entityId\n        reason\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleVerifyMfa($challenge: String!, $code: String!) {\n  verifyMfaChallenge(challenge: $challenge, code: $code) {\n    ...ClientSession\n  }\n}": typeof types.ConsoleStockFieldsFragmentDoc,
    "fragment StoreStockLevel on StockLevel {\n  productId\n  variantId\n  available\n  version\n}\n\nfragment StoreProductFields on Product {\n  id\n  sku\n  name\n  description\n  price {\n    amount\n    currency\n  }\n  stock {\n    ...StoreStockLevel\n  }\n}\n\nquery StoreCategories {\n  categories {\n    id\n    name\n  }\n}\n\nquery StoreProducts($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    filter: $filter\n    sort: $sort\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      cursor\n      node {\n        ...StoreProductFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nquery StoreProduct($id: ID!) {\n  product(id: $id) {\n    ...StoreProductFields\n    options {\n      name\n      values\n    }\n    variants {\n      id\n      sku\n      title\n      optionValues {\n        option\n        value\n      }\n      price {\n        amount\n        currency\n      }\n      stock {\n        ...StoreStockLevel\n      }\n    }\n  }\n}\n\nquery StoreVariantStock($id: ID!) {\n  productVariant(id: $id) {\n    stock {\n      ...StoreStockLevel\n    }\n  }\n}\n\nsubscription StoreStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    ...StoreStockLevel\n  }\n}\n\nfragment StoreCartFields on Cart {\n  lines {\n    variant {\n      id\n      title\n      isDefault\n    }\n    quantity\n    available\n    lineTotal {\n      amount\n      currency\n    }\n    product {\n      ...StoreProductFields\n    }\n  }\n  total {\n    amount\n    currency\n  }\n}\n\nquery StoreCart {\n  cart {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreAddToCart($productId: ID!, $variantId: ID, $quantity: Int!) {\n  addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreUpdateCartLine($productId: ID!, $quantity: Int!) {\n  updateCartLine(productId: $productId, quantity: $quantity) {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreRemoveFromCart($productId: ID!) {\n  removeFromCart(productId: $productId) {\n    ...StoreCartFields\n  }\n}\n\nfragment StoreWishlistItem on WishlistItem {\n  addedAt\n  product {\n    ...StoreProductFields\n  }\n}\n\nquery StoreWishlist {\n  wishlist {\n    ...StoreWishlistItem\n  }\n}\n\nmutation StoreAddToWishlist($productId: ID!) {\n  addToWishlist(productId: $productId) {\n    ...StoreWishlistItem\n  }\n}\n\nmutation StoreRemoveFromWishlist($productId: ID!) {\n  removeFromWishlist(productId: $productId) {\n    ...StoreWishlistItem\n  }\n}\n\nfragment StoreOrderFields on Order {\n  id\n  status\n  version\n  createdAt\n  total {\n    amount\n    currency\n  }\n  lines {\n    quantity\n    lineTotal {\n      amount\n      currency\n    }\n    sku\n    optionValues {\n      option\n      value\n    }\n    product {\n      id\n      name\n    }\n  }\n  payment {\n    status\n    statusReason\n  }\n  statusHistory {\n    to\n    at\n    reason\n  }\n}\n\nmutation StorePlaceOrder($key: String) {\n  placeOrderFromCart(idempotencyKey: $key) {\n    ...StoreOrderFields\n  }\n}\n\nquery StoreOrder($id: ID!) {\n  order(id: $id) {\n    ...StoreOrderFields\n  }\n}\n\nquery StoreOrderClientSecret($id: ID!) {\n  order(id: $id) {\n    payment {\n      clientSecret\n    }\n  }\n}\n\nmutation StorePay($orderId: ID!, $paymentMethod: String!) {\n  confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n    status\n    statusReason\n  }\n}\n\nquery StoreOrderHistory($first: Int, $after: String, $last: Int, $before: String) {\n  me {\n    orders(first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        node {\n          ...StoreOrderFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}\n\nsubscription StoreOrderStatus($orderId: ID!) {\n  orderStatusChanged(orderId: $orderId) {\n    ...StoreOrderFields\n  }\n}": typeof types.StoreStockLevelFragmentDoc,
    "\n  mutation AccountSignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email } }\n  }\n": typeof types.AccountSignUpDocument,
    "\n  mutation AccountSignIn($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken user { id roles } }\n  }\n": typeof types.AccountSignInDocument,
    "\n  mutation AccountRenew($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken user { roles } }\n  }\n": typeof types.AccountRenewDocument,
    "\n  mutation AccountGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id email roles }\n  }\n": typeof types.AccountGrantRoleDocument,
    "\n  query AccountCustomerOrder($id: ID!) {\n    order(id: $id) { id payment { clientSecret } customer { id email } }\n  }\n": typeof types.AccountCustomerOrderDocument,
    "\n  query AccountMyOrderCount {\n    me { orders { totalCount } }\n  }\n": typeof types.AccountMyOrderCountDocument,
    "\n  query AccountCustomerPrivateFields($id: ID!) {\n    order(id: $id) { customer { email phone roles addresses { city } defaultShippingAddress { city } } }\n  }\n": typeof types.AccountCustomerPrivateFieldsDocument,
    "\n  query AccountCustomerSessions($id: ID!) {\n    order(id: $id) { customer { sessions { id } } }\n  }\n": typeof types.AccountCustomerSessionsDocument,
    "\n  query AccountCustomerPreferences($id: ID!) {\n    order(id: $id) { customer { preferences { locale } } }\n  }\n": typeof types.AccountCustomerPreferencesDocument,
    "\n  mutation AccountUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { id name phone preferences { locale currency marketingEmails orderUpdates } }\n  }\n": typeof types.AccountUpdateProfileDocument,
    "\n  query AccountMyAddresses {\n    me { addresses { id label recipient line1 line2 postalCode city region country phone } defaultShippingAddress { id } }\n  }\n": typeof types.AccountMyAddressesDocument,
    "\n  mutation AccountAddAddress($input: AddressInput!) {\n    addAddress(input: $input) { id label recipient line1 line2 postalCode city region country phone }\n  }\n": typeof types.AccountAddAddressDocument,
    "\n  mutation AccountUpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) { id city country }\n  }\n": typeof types.AccountUpdateAddressDocument,
    "\n  mutation AccountRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n": typeof types.AccountRemoveAddressDocument,
    "\n  mutation AccountSetDefaultAddress($id: ID!) {\n    setDefaultShippingAddress(id: $id) { id defaultShippingAddress { id } }\n  }\n": typeof types.AccountSetDefaultAddressDocument,
    "\n  query AccountMySessions {\n    me { sessions { id current clientAddress userAgent createdAt lastUsedAt expiresAt } }\n  }\n": typeof types.AccountMySessionsDocument,
    "\n  mutation AccountRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.AccountRevokeSessionDocument,
    "\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.AccountChangePasswordDocument,
    "\n  query KeysServiceAccounts {\n    serviceAccounts { id name keys { id name prefix scopes lastUsedAt revokedAt } }\n  }\n": typeof types.KeysServiceAccountsDocument,
    "\n  mutation KeysSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId onHand }\n  }\n": typeof types.KeysSetStockDocument,
    "\n  mutation KeysCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": typeof types.KeysCreateProductDocument,
    "\n  query KeysReadStock($id: ID!) {\n    product(id: $id) { id stock { onHand } }\n  }\n": typeof types.KeysReadStockDocument,
    "\n  subscription KeysStockWatch($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n": typeof types.KeysStockWatchDocument,
    "\n  query KeysReadProduct($id: ID!) {\n    product(id: $id) { id name }\n  }\n": typeof types.KeysReadProductDocument,
    "\n  mutation AuthRegister($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      sessionExpiresAt\n      user { id email name roles }\n    }\n  }\n": typeof types.AuthRegisterDocument,
    "\n  mutation AuthLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      user { id email roles sessions { id current } }\n    }\n  }\n": typeof types.AuthLoginDocument,
    "\n  mutation AuthRefresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      sessionExpiresAt\n      user { id roles }\n    }\n  }\n": typeof types.AuthRefreshDocument,
    "\n  mutation AuthLogout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.AuthLogoutDocument,
    "\n  query AuthWhoAmI {\n    me { id email roles }\n  }\n": typeof types.AuthWhoAmIDocument,
    "\n  subscription AuthStockWatch($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n": typeof types.AuthStockWatchDocument,
    "\n  fragment CartFields on Cart {\n    lines { product { id name stock { available } } quantity unitPrice { amount currency } lineTotal { amount } available }\n    total { amount currency }\n  }\n": typeof types.CartFieldsFragmentDoc,
    "\n  query CartRead {\n    cart { ...CartFields }\n  }\n": typeof types.CartReadDocument,
    "\n  mutation CartAdd($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { ...CartFields }\n  }\n": typeof types.CartAddDocument,
    "\n  mutation CartUpdateLine($productId: ID!, $quantity: Int!) {\n    updateCartLine(productId: $productId, quantity: $quantity) { ...CartFields }\n  }\n": typeof types.CartUpdateLineDocument,
    "\n  mutation CartRemove($productId: ID!) {\n    removeFromCart(productId: $productId) { ...CartFields }\n  }\n": typeof types.CartRemoveDocument,
    "\n  mutation CartClear {\n    clearCart { ...CartFields }\n  }\n": typeof types.CartClearDocument,
    "\n  mutation CartPlaceOrder($idempotencyKey: String) {\n    placeOrderFromCart(idempotencyKey: $idempotencyKey) { id status total { amount } lines { quantity product { id } } }\n  }\n": typeof types.CartPlaceOrderDocument,
    "\n  mutation CartUpdatePrice($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id }\n  }\n": typeof types.CartUpdatePriceDocument,
    "\n  query CartWishlist {\n    wishlist { addedAt product { id name } }\n  }\n": typeof types.CartWishlistDocument,
    "\n  mutation CartAddToWishlist($productId: ID!) {\n    addToWishlist(productId: $productId) { product { id } }\n  }\n": typeof types.CartAddToWishlistDocument,
    "\n  mutation CartRemoveFromWishlist($productId: ID!) {\n    removeFromWishlist(productId: $productId) { product { id } }\n  }\n": typeof types.CartRemoveFromWishlistDocument,
    "\n  mutation CopyPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } lines { unitPrice { amount } variant { id } } }\n  }\n": typeof types.CopyPlaceOrderDocument,
    "\n  mutation CopyUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id }\n  }\n": typeof types.CopyUpdateProductDocument,
    "\n  mutation CopyArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id }\n  }\n": typeof types.CopyArchiveProductDocument,
    "\n  mutation CopySetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {\n    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) { id }\n  }\n": typeof types.CopySetOptionsDocument,
    "\n  mutation CopyAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id }\n  }\n": typeof types.CopyAddVariantDocument,
    "\n  mutation CopyUpdateVariant($id: ID!, $input: UpdateProductVariantInput!) {\n    updateProductVariant(id: $id, input: $input) { id }\n  }\n": typeof types.CopyUpdateVariantDocument,
    "\n  mutation CopyAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n": typeof types.CopyAddToCartDocument,
    "\n  query CopyCart {\n    cart { lines { unitPrice { amount } available } }\n  }\n": typeof types.CopyCartDocument,
    "\n  mutation CatalogCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      sku\n      name\n      description\n      price { amount currency }\n      status\n      categories { id name }\n      attributes { key value }\n      media { url alt position }\n    }\n  }\n": typeof types.CatalogCreateProductDocument,
    "\n  mutation CatalogUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id name description price { amount currency } status categories { id } attributes { key value } }\n  }\n": typeof types.CatalogUpdateProductDocument,
    "\n  mutation CatalogArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id status }\n  }\n": typeof types.CatalogArchiveProductDocument,
    "\n  query CatalogProductById($id: ID!) {\n    product(id: $id) { id status }\n  }\n": typeof types.CatalogProductByIdDocument,
    "\n  query CatalogListProducts($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id sku name price { amount } status } }\n    }\n  }\n": typeof types.CatalogListProductsDocument,
    "\n  mutation CatalogUpsert($input: [UpsertProductInput!]!) {\n    upsertProducts(input: $input) {\n      index\n      sku\n      status\n      product { id sku name price { amount currency } status }\n      error { code message field }\n    }\n  }\n": typeof types.CatalogUpsertDocument,
    "\n  query CatalogCategories($parentId: ID) {\n    categories(parentId: $parentId) { id name parentId parent { name } children { name children { name } } }\n  }\n": typeof types.CatalogCategoriesDocument,
    "\n  mutation CatalogCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) { id name parentId }\n  }\n": typeof types.CatalogCreateCategoryDocument,
    "\n  mutation CatalogUpdateCategory($id: ID!, $input: UpdateCategoryInput!) {\n    updateCategory(id: $id, input: $input) { id name parentId }\n  }\n": typeof types.CatalogUpdateCategoryDocument,
    "\n  query CatalogAuditLog($first: Int, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id at actorId actorRoles service action entityType entityId before after } }\n    }\n  }\n": typeof types.CatalogAuditLogDocument,
    "\n  mutation ConnectionsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": typeof types.ConnectionsCreateProductDocument,
    "\n  query ConnectionsProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, last: $last, before: $before, filter: $filter, sort: NEWEST) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id } }\n    }\n  }\n": typeof types.ConnectionsProductsDocument,
    "\n  query ConnectionsUsers($last: Int, $before: String) {\n    users(last: $last, before: $before) {\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { email } }\n    }\n  }\n": typeof types.ConnectionsUsersDocument,
    "\n  mutation FlashPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n": typeof types.FlashPlaceOrderDocument,
    "\n  mutation FlashConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n": typeof types.FlashConfirmPaymentDocument,
    "\n  mutation IdeSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n": typeof types.IdeSetStockDocument,
    "\n  mutation InventoryCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": typeof types.InventoryCreateProductDocument,
    "\n  mutation InventorySetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId onHand reserved available lowStock lowStockThreshold }\n  }\n": typeof types.InventorySetStockDocument,
    "\n  mutation InventoryAdjustStock($productId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(productId: $productId, delta: $delta, reason: $reason) { onHand reserved available lowStock }\n  }\n": typeof types.InventoryAdjustStockDocument,
    "\n  mutation InventorySetThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }\n  }\n": typeof types.InventorySetThresholdDocument,
    "\n  query InventoryMovements($productId: ID!, $first: Int, $after: String) {\n    stockMovements(productId: $productId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { kind onHandDelta reservedDelta onHandAfter reservedAfter orderId reason actorId version } }\n    }\n  }\n": typeof types.InventoryMovementsDocument,
    "\n  query InventoryProductStock($id: ID!) {\n    product(id: $id) { id stock { onHand reserved available lowStock lowStockThreshold } }\n  }\n": typeof types.InventoryProductStockDocument,
    "\n  query InventoryAudit($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) {\n      edges { node { action service actorId actorRoles entityType entityId reason before after } }\n    }\n  }\n": typeof types.InventoryAuditDocument,
    "\n  mutation LocalPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status total { amount currency } }\n  }\n": typeof types.LocalPlaceOrderDocument,
    "\n  query LocalOrderTotals($id: ID!) {\n    order(id: $id) { id totals { total { amount } lines { unitPrice { amount } } } }\n  }\n": typeof types.LocalOrderTotalsDocument,
    "\n  mutation LocalCreateRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id }\n  }\n": typeof types.LocalCreateRuleDocument,
    "\n  mutation LocalAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n": typeof types.LocalAddToCartDocument,
    "\n  mutation LocalPlaceFromCart {\n    placeOrderFromCart { id status }\n  }\n": typeof types.LocalPlaceFromCartDocument,
    "\n  query LogsMe {\n    me { id }\n  }\n": typeof types.LogsMeDocument,
    "\n  query LogsProducts {\n    products(first: 1) { edges { node { name } } }\n  }\n": typeof types.LogsProductsDocument,
    "\n  mutation LogsLogin($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken }\n  }\n": typeof types.LogsLoginDocument,
    "\n  query McpStockOf($id: ID!) {\n    product(id: $id) { id stock { onHand } }\n  }\n": typeof types.McpStockOfDocument,
    "\n  query MetricsProducts {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n": typeof types.MetricsProductsDocument,
    "\n  subscription MetricsWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { available }\n  }\n": typeof types.MetricsWatchStockDocument,
    "\n  mutation MetricsSignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email name } }\n  }\n": typeof types.MetricsSignUpDocument,
    "\n  mutation MfaRegister($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email } }\n  }\n": typeof types.MfaRegisterDocument,
    "\n  mutation MfaRefresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken }\n  }\n": typeof types.MfaRefreshDocument,
    "\n  query MfaMine {\n    me { id mfaEnabled recoveryCodesLeft sessions { id current mfaVerified mfaVerifiedAt } }\n  }\n": typeof types.MfaMineDocument,
    "\n  mutation MfaRegenerate($code: String!) {\n    regenerateRecoveryCodes(code: $code) { recoveryCodes accessToken }\n  }\n": typeof types.MfaRegenerateDocument,
    "\n  mutation MfaDisable($password: String!, $code: String!) {\n    disableMfa(password: $password, code: $code)\n  }\n": typeof types.MfaDisableDocument,
    "\n  mutation MfaChangeEmail($input: ChangeEmailInput!) {\n    changeEmail(input: $input) { id email }\n  }\n": typeof types.MfaChangeEmailDocument,
    "\n  mutation MfaGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id roles }\n  }\n": typeof types.MfaGrantRoleDocument,
    "\n  mutation MfaCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": typeof types.MfaCreateProductDocument,
    "\n  mutation MfaRefund($id: ID!) {\n    refundOrder(id: $id) { id status refunded { amount } }\n  }\n": typeof types.MfaRefundDocument,
    "\n  query OrdersWithEverything($first: Int) {\n    me {\n      orders(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            customer { name }\n            payment { status }\n            totals { total { amount } }\n            lines { quantity product { name price { amount } stock { available lowStock } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrdersWithEverythingDocument,
    "\n  query ProductPageWithRatingsAndRecommendations($first: Int) {\n    products(first: $first) {\n      edges {\n        node {\n          id\n          name\n          rating { average count distribution { rating count } }\n          frequentlyBoughtTogether(first: 3) { id name price { amount } }\n          customersAlsoViewed(first: 3) { id }\n          salePrice { amount }\n          promotions { name }\n        }\n      }\n    }\n  }\n": typeof types.ProductPageWithRatingsAndRecommendationsDocument,
    "\n  query ProductPageWithVariantsAndStock($first: Int) {\n    products(first: $first) {\n      edges { node { id stock { onHand } variants { id sku optionValues { value } price { amount } stock { available } } } }\n    }\n  }\n": typeof types.ProductPageWithVariantsAndStockDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Product { sku productStatus: status }\n      ... on ProductVariant { sku variantStatus: status product { id } }\n      ... on Category { name }\n      ... on Order { status total { amount } }\n      ... on User { email }\n      ... on Review { rating }\n      ... on Shipment { orderId carrier }\n    }\n  }\n": typeof types.NodeByIdDocument,
    "\n  query NodesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) { __typename id }\n  }\n": typeof types.NodesByIdsDocument,
    "\n  mutation NodeSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n": typeof types.NodeSetOptionsDocument,
    "\n  mutation NodeAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku }\n  }\n": typeof types.NodeAddVariantDocument,
    "\n  mutation NodeArchiveVariant($id: ID!) {\n    archiveProductVariant(id: $id) { id }\n  }\n": typeof types.NodeArchiveVariantDocument,
    "\n  mutation NodePlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id }\n  }\n": typeof types.NodePlaceOrderDocument,
    "\n  mutation NodeCreateShipment($orderId: ID!) {\n    createShipment(orderId: $orderId) { id }\n  }\n": typeof types.NodeCreateShipmentDocument,
    "\n  mutation NodeDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { status }\n  }\n": typeof types.NodeDeliverOrderDocument,
    "\n  mutation NodeWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) { id status }\n  }\n": typeof types.NodeWriteReviewDocument,
    "\n  mutation OrdersDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { ...OrderFields }\n  }\n": typeof types.OrdersDeliverOrderDocument,
    "\n  mutation OrdersRefundOrder($id: ID!, $amount: Int, $reason: String, $idempotencyKey: String) {\n    refundOrder(id: $id, amount: $amount, reason: $reason, idempotencyKey: $idempotencyKey) { ...OrderFields }\n  }\n": typeof types.OrdersRefundOrderDocument,
    "\n  query OrdersMyOrders {\n    me { orders(first: 50) { totalCount edges { node { id status } } } }\n  }\n": typeof types.OrdersMyOrdersDocument,
    "\n  subscription OrdersWatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status version }\n  }\n": typeof types.OrdersWatchOrderDocument,
    "\n  mutation OnDemandPlace($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status payment { id status amount { amount currency } provider } }\n  }\n": typeof types.OnDemandPlaceDocument,
    "\n  query OnDemandPaymentForm($id: ID!) {\n    order(id: $id) { payment { id status clientSecret } }\n  }\n": typeof types.OnDemandPaymentFormDocument,
    "\n  mutation OnDemandPay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { id status statusReason }\n  }\n": typeof types.OnDemandPayDocument,
    "\n  mutation PaymentsPay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n      id\n      orderId\n      status\n      statusReason\n      provider\n      amount { amount currency }\n      refundedAmount { amount }\n      receipt {\n        number\n        orderId\n        paymentId\n        provider\n        issuedAt\n        total { amount currency }\n        lines { product { id name } quantity unitPrice { amount currency } lineTotal { amount } }\n      }\n    }\n  }\n": typeof types.PaymentsPayDocument,
    "\n  mutation PaymentsAuthenticate($orderId: ID!, $approve: Boolean!) {\n    completePaymentAuthentication(orderId: $orderId, approve: $approve) { status statusReason receipt { number } }\n  }\n": typeof types.PaymentsAuthenticateDocument,
    "\n  query PaymentsReceipt($orderId: ID!) {\n    receipt(orderId: $orderId) { number total { amount currency } lines { quantity product { id } } }\n  }\n": typeof types.PaymentsReceiptDocument,
    "\n  query ProductCount {\n    products { totalCount }\n  }\n": typeof types.ProductCountDocument,
    "\n  mutation PricingCreateRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id kind variantId amount percentOff }\n  }\n": typeof types.PricingCreateRuleDocument,
    "\n  mutation PricingDeleteRule($id: ID!) {\n    deletePriceRule(id: $id)\n  }\n": typeof types.PricingDeleteRuleDocument,
    "\n  mutation PricingCreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) { id code kind value used usageLimit }\n  }\n": typeof types.PricingCreatePromotionDocument,
    "\n  query PricingPromotions {\n    promotions { id code used }\n  }\n": typeof types.PricingPromotionsDocument,
    "\n  fragment PricingTotalsFields on Totals {\n    pricesIncludeTax\n    subtotal { amount currency }\n    discounts { source code name amount { amount } }\n    discountTotal { amount }\n    shipping { amount }\n    taxes { category rate base { amount } amount { amount } }\n    taxTotal { amount }\n    total { amount currency }\n    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }\n  }\n": typeof types.PricingTotalsFieldsFragmentDoc,
    "\n  mutation PricingAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n": typeof types.PricingAddToCartDocument,
    "\n  mutation PricingApplyCode($code: String!) {\n    applyDiscountCode(code: $code) { id discountCodes lines { quantity } totals { ...PricingTotalsFields } }\n  }\n": typeof types.PricingApplyCodeDocument,
    "\n  mutation PricingRemoveCode($code: String!) {\n    removeDiscountCode(code: $code) { discountCodes totals { total { amount } } }\n  }\n": typeof types.PricingRemoveCodeDocument,
    "\n  query PricingCart {\n    cart { id lines { quantity } discountCodes totals { ...PricingTotalsFields } }\n  }\n": typeof types.PricingCartDocument,
    "\n  query PricingProduct($id: ID!) {\n    product(id: $id) { id price { amount } salePrice { amount currency } promotions { name kind value } }\n  }\n": typeof types.PricingProductDocument,
    "\n  mutation PricingPlaceFromCart($expectedTotal: Int, $idempotencyKey: String) {\n    placeOrderFromCart(expectedTotal: $expectedTotal, idempotencyKey: $idempotencyKey) { id status total { amount currency } totals { ...PricingTotalsFields } payment { amount { amount } } }\n  }\n": typeof types.PricingPlaceFromCartDocument,
    "\n  query PricingOrder($id: ID!) {\n    order(id: $id) { id status total { amount } totals { ...PricingTotalsFields } }\n  }\n": typeof types.PricingOrderDocument,
    "\n  mutation PricingCancel($id: ID!) {\n    cancelOrder(id: $id) { status }\n  }\n": typeof types.PricingCancelDocument,
    "\n  query ProductPage($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      price { amount }\n      stock { available }\n      rating { average count distribution { rating count } }\n      reviews(first: 5) { totalCount edges { node { title rating } } }\n      frequentlyBoughtTogether(first: 3) { id }\n      customersAlsoViewed(first: 3) { id }\n      salePrice { amount }\n      promotions { name }\n    }\n  }\n": typeof types.ProductPageDocument,
    "\n  mutation ProductPageWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) { id status }\n  }\n": typeof types.ProductPageWriteReviewDocument,
    "\n  mutation ProductPageHideReview($id: ID!, $reason: String!) {\n    hideReview(id: $id, reason: $reason) { status }\n  }\n": typeof types.ProductPageHideReviewDocument,
    "\n  query ProductPageRecommendations {\n    me { recommendedProducts(first: 3) { id } }\n    trendingProducts(first: 50) { id }\n  }\n": typeof types.ProductPageRecommendationsDocument,
    "\n  mutation RecommendationsCreateCategory($name: String!) {\n    createCategory(input: { name: $name }) { id }\n  }\n": typeof types.RecommendationsCreateCategoryDocument,
    "\n  mutation RecommendationsArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id status }\n  }\n": typeof types.RecommendationsArchiveProductDocument,
    "\n  mutation RecommendationsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n": typeof types.RecommendationsSetStockDocument,
    "\n  query RecommendationsBoughtTogether($id: ID!, $first: Int) {\n    product(id: $id) { id frequentlyBoughtTogether(first: $first) { id name } customersAlsoViewed(first: $first) { id } }\n  }\n": typeof types.RecommendationsBoughtTogetherDocument,
    "\n  query RecommendationsTrending($first: Int, $category: ID) {\n    trendingProducts(first: $first, category: $category) { id }\n  }\n": typeof types.RecommendationsTrendingDocument,
    "\n  query RecommendationsForMe($first: Int) {\n    me { id recommendedProducts(first: $first) { id } }\n  }\n": typeof types.RecommendationsForMeDocument,
    "\n  query RecommendationsUpdatedAt {\n    recommendationsUpdatedAt\n  }\n": typeof types.RecommendationsUpdatedAtDocument,
    "\n  mutation RecommendationsRecordView($productId: ID!) {\n    recordProductView(productId: $productId)\n  }\n": typeof types.RecommendationsRecordViewDocument,
    "\n  mutation ReservationsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": typeof types.ReservationsCreateProductDocument,
    "\n  mutation ReservationsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand reserved available }\n  }\n": typeof types.ReservationsSetStockDocument,
    "\n  query ProductNames {\n    products(first: 2) { edges { node { name } } }\n  }\n": typeof types.ProductNamesDocument,
    "\n  query ProductNamesAndStock {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n": typeof types.ProductNamesAndStockDocument,
    "\n  query MeId {\n    me { id }\n  }\n": typeof types.MeIdDocument,
    "\n  query SharedCacheListing { products(first: 50, sort: NAME_ASC) { edges { node { id price { amount } } } } }\n": typeof types.SharedCacheListingDocument,
    "\n  mutation SharedCacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }\n": typeof types.SharedCacheSetPriceDocument,
    "\n  query CachedListing($first: Int) {\n    products(first: $first, sort: NAME_ASC) {\n      totalCount\n      edges { node { id name status price { amount currency } stock { available } } }\n    }\n  }\n": typeof types.CachedListingDocument,
    "\n  query CachedProductPage($id: ID!) {\n    product(id: $id) { name price { amount } stock { available } }\n  }\n": typeof types.CachedProductPageDocument,
    "\n  query CachePersonalDocument { me { id email } }\n": typeof types.CachePersonalDocumentDocument,
    "\n  mutation CacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }\n": typeof types.CacheSetPriceDocument,
    "\n  mutation CacheSetStock($productId: ID!, $onHand: Int!) { setStock(productId: $productId, onHand: $onHand) { available } }\n": typeof types.CacheSetStockDocument,
    "\n  mutation CacheArchive($id: ID!) { archiveProduct(id: $id) { id } }\n": typeof types.CacheArchiveDocument,
    "\n  mutation ReturnsPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }\n  }\n": typeof types.ReturnsPlaceOrderDocument,
    "\n  mutation ReturnsCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!]) {\n    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber trackingUrl }\n  }\n": typeof types.ReturnsCreateShipmentDocument,
    "\n  subscription ReturnsWatchTracking($orderId: ID!) {\n    shipmentTracking(orderId: $orderId) { id status }\n  }\n": typeof types.ReturnsWatchTrackingDocument,
    "\n  fragment ReturnFields on ReturnRequest {\n    id\n    orderId\n    status\n    reason\n    value\n    currency\n    lines { productId quantity }\n    carrier\n    returnTrackingNumber\n    returnTrackingUrl\n    labelFormat\n    labelContent\n    restock\n    refundAmount\n    history { status at actor note }\n  }\n": typeof types.ReturnFieldsFragmentDoc,
    "\n  mutation ReturnsRequest($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {\n    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { ...ReturnFields }\n  }\n": typeof types.ReturnsRequestDocument,
    "\n  mutation ReturnsApprove($id: ID!) {\n    approveReturn(id: $id) { ...ReturnFields }\n  }\n": typeof types.ReturnsApproveDocument,
    "\n  mutation ReturnsRefuse($id: ID!, $note: String!) {\n    refuseReturn(id: $id, note: $note) { ...ReturnFields }\n  }\n": typeof types.ReturnsRefuseDocument,
    "\n  mutation ReturnsReceive($id: ID!, $restock: Boolean!, $refundAmount: Int) {\n    receiveReturn(id: $id, restock: $restock, refundAmount: $refundAmount) { ...ReturnFields }\n  }\n": typeof types.ReturnsReceiveDocument,
    "\n  query ReturnsOfOrder($orderId: ID!) {\n    returns(orderId: $orderId) { ...ReturnFields }\n  }\n": typeof types.ReturnsOfOrderDocument,
    "\n  query ReturnsOrder($id: ID!) {\n    order(id: $id) { id status refunded { amount } total { amount } shipments { status history { status } } returns { status history { status actor } } }\n  }\n": typeof types.ReturnsOrderDocument,
    "\n  subscription ReturnsWatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status shipments { id status trackingNumber history { status } } }\n  }\n": typeof types.ReturnsWatchOrderDocument,
    "\n  fragment ReviewFields on Review {\n    id\n    rating\n    title\n    body\n    media\n    status\n    heldFor\n    helpfulCount\n    reportCount\n    verifiedPurchase\n    reply { body }\n    product { id }\n  }\n": typeof types.ReviewFieldsFragmentDoc,
    "\n  mutation ReviewsWrite($input: WriteReviewInput!) {\n    writeReview(input: $input) { ...ReviewFields }\n  }\n": typeof types.ReviewsWriteDocument,
    "\n  mutation ReviewsEdit($id: ID!, $input: ReviewContentInput!) {\n    editReview(id: $id, input: $input) { ...ReviewFields }\n  }\n": typeof types.ReviewsEditDocument,
    "\n  mutation ReviewsMarkHelpful($id: ID!) {\n    markReviewHelpful(id: $id) { id helpfulCount }\n  }\n": typeof types.ReviewsMarkHelpfulDocument,
    "\n  mutation ReviewsReport($id: ID!, $reason: String!) {\n    reportReview(id: $id, reason: $reason)\n  }\n": typeof types.ReviewsReportDocument,
    "\n  mutation ReviewsApprove($id: ID!) {\n    approveReview(id: $id) { id status }\n  }\n": typeof types.ReviewsApproveDocument,
    "\n  mutation ReviewsHide($id: ID!, $reason: String!) {\n    hideReview(id: $id, reason: $reason) { id status }\n  }\n": typeof types.ReviewsHideDocument,
    "\n  mutation ReviewsRestore($id: ID!) {\n    restoreReview(id: $id) { id status }\n  }\n": typeof types.ReviewsRestoreDocument,
    "\n  mutation ReviewsReply($id: ID!, $body: String!) {\n    replyToReview(id: $id, body: $body) { id reply { body } }\n  }\n": typeof types.ReviewsReplyDocument,
    "\n  query ReviewsOfProduct($id: ID!, $sort: ReviewSort, $first: Int, $after: String) {\n    product(id: $id) {\n      id\n      name\n      rating { productId average count distribution { rating count } }\n      reviews(first: $first, after: $after, sort: $sort) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id rating title helpfulCount } }\n      }\n    }\n  }\n": typeof types.ReviewsOfProductDocument,
    "\n  query ReviewsModerationQueue($status: ReviewStatus) {\n    reviewsToModerate(status: $status, first: 50) { edges { node { id status heldFor reportCount } } }\n  }\n": typeof types.ReviewsModerationQueueDocument,
    "\n  query ReviewsRead($id: ID!) {\n    review(id: $id) { id status }\n  }\n": typeof types.ReviewsReadDocument,
    "\n  subscription ReviewsWatchRating($productId: ID!) {\n    productRatingChanged(productId: $productId) { productId count average distribution { rating count } }\n  }\n": typeof types.ReviewsWatchRatingDocument,
    "\n  query ReviewsAudit($entityId: ID!) {\n    auditLog(first: 20, filter: { entityId: $entityId }) { edges { node { action service actorId reason before after } } }\n  }\n": typeof types.ReviewsAuditDocument,
    "\n  mutation SagaPlaceWithoutPayment($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n": typeof types.SagaPlaceWithoutPaymentDocument,
    "\n  query SagaOrderPayment($id: ID!) {\n    order(id: $id) { payment { id status amount { amount } } }\n  }\n": typeof types.SagaOrderPaymentDocument,
    "\n  mutation SagaCreateCode($input: PromotionInput!) {\n    createPromotion(input: $input) { id }\n  }\n": typeof types.SagaCreateCodeDocument,
    "\n  mutation SecuritySignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken user { id name email } }\n  }\n": typeof types.SecuritySignUpDocument,
    "\n  mutation SecuritySignIn($input: LoginInput!) {\n    login(input: $input) { user { id } }\n  }\n": typeof types.SecuritySignInDocument,
    "\n  mutation SecurityRename($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { name }\n  }\n": typeof types.SecurityRenameDocument,
    "\n  mutation SecurityNewProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id description }\n  }\n": typeof types.SecurityNewProductDocument,
    "\n  query SecuritySearch($search: String!) {\n    products(filter: { search: $search }) { totalCount }\n  }\n": typeof types.SecuritySearchDocument,
    "\n  mutation SecurityOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id }\n  }\n": typeof types.SecurityOrderDocument,
    "\n  subscription SecurityWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n": typeof types.SecurityWatchStockDocument,
    "\n  mutation SecurityCancelSomeOrder($id: ID!) {\n    cancelOrder(id: $id) { id }\n  }\n": typeof types.SecurityCancelSomeOrderDocument,
    "\n  query SecurityProductStock($id: ID!) {\n    product(id: $id) { name stock { available } }\n  }\n": typeof types.SecurityProductStockDocument,
    "\n  mutation SecurityUpsert($input: [UpsertProductInput!]!) {\n    upsertProducts(input: $input) { index status error { code message field } }\n  }\n": typeof types.SecurityUpsertDocument,
    "\n  mutation SecuritySetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand }\n  }\n": typeof types.SecuritySetStockDocument,
    "\n  query SecurityOwnCustomer($id: ID!) {\n    order(id: $id) { id customer { name } payment { status } }\n  }\n": typeof types.SecurityOwnCustomerDocument,
    "\n  mutation ShipVariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n": typeof types.ShipVariantsSetOptionsDocument,
    "\n  mutation ShipVariantsAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku }\n  }\n": typeof types.ShipVariantsAddVariantDocument,
    "\n  mutation ShipVariantsPlace($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id lines { variant { id } sku quantity } }\n  }\n": typeof types.ShipVariantsPlaceDocument,
    "\n  mutation ShipVariantsShip($orderId: ID!, $lines: [ShipmentLineInput!]) {\n    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber lines { productId variantId sku quantity } }\n  }\n": typeof types.ShipVariantsShipDocument,
    "\n  mutation ShipVariantsRequestReturn($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {\n    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { id status value lines { productId variantId sku quantity } }\n  }\n": typeof types.ShipVariantsRequestReturnDocument,
    "\n  mutation ShipVariantsApprove($id: ID!) {\n    approveReturn(id: $id) { id status }\n  }\n": typeof types.ShipVariantsApproveDocument,
    "\n  mutation ShipVariantsReceive($id: ID!, $restock: Boolean!) {\n    receiveReturn(id: $id, restock: $restock) { id status refundAmount lines { variantId quantity } }\n  }\n": typeof types.ShipVariantsReceiveDocument,
    "\n  query ShipVariantsShipments($orderId: ID!) {\n    shipments(orderId: $orderId) { lines { productId variantId sku quantity } }\n  }\n": typeof types.ShipVariantsShipmentsDocument,
    "\n  query ShipVariantsReceipt($orderId: ID!) {\n    receipt(orderId: $orderId) { lines { product { id } variant { id sku } sku optionValues { option value } quantity unitPrice { amount } } }\n  }\n": typeof types.ShipVariantsReceiptDocument,
    "\n  mutation ShippingCreateZone($input: ShippingZoneInput!) {\n    createShippingZone(input: $input) { id name countries regions }\n  }\n": typeof types.ShippingCreateZoneDocument,
    "\n  mutation ShippingAddMethod($zoneId: ID!, $input: ShippingMethodInput!) {\n    addShippingMethod(zoneId: $zoneId, input: $input) { id name kind bands { from to amount } freeOver minDays maxDays active }\n  }\n": typeof types.ShippingAddMethodDocument,
    "\n  mutation ShippingSetMethodActive($id: ID!, $active: Boolean!) {\n    setShippingMethodActive(id: $id, active: $active) { id active }\n  }\n": typeof types.ShippingSetMethodActiveDocument,
    "\n  query ShippingZones {\n    shippingZones { id name countries methods { id name kind active } }\n  }\n": typeof types.ShippingZonesDocument,
    "\n  fragment ShippingOptionFields on ShippingOption {\n    methodId\n    name\n    kind\n    price { amount currency }\n    minDays\n    maxDays\n    pickupLocation\n  }\n": typeof types.ShippingOptionFieldsFragmentDoc,
    "\n  fragment CartShippingFields on Cart {\n    total { amount }\n    shippingAddress { country region city }\n    shippingOptions { ...ShippingOptionFields }\n    shippingMethod { ...ShippingOptionFields }\n  }\n": typeof types.CartShippingFieldsFragmentDoc,
    "\n  mutation ShippingAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { total { amount } }\n  }\n": typeof types.ShippingAddToCartDocument,
    "\n  mutation ShippingSetAddress($address: ShippingAddressInput!) {\n    setCartShippingAddress(address: $address) { ...CartShippingFields }\n  }\n": typeof types.ShippingSetAddressDocument,
    "\n  mutation ShippingChooseMethod($methodId: ID!) {\n    chooseShippingMethod(methodId: $methodId) { ...CartShippingFields }\n  }\n": typeof types.ShippingChooseMethodDocument,
    "\n  mutation ShippingPlaceFromCart {\n    placeOrderFromCart { id status total { amount currency } subtotal { amount } shipping { methodId methodName price { amount } minDays maxDays address { country city } } }\n  }\n": typeof types.ShippingPlaceFromCartDocument,
    "\n  mutation ShippingPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }\n  }\n": typeof types.ShippingPlaceOrderDocument,
    "\n  mutation ShippingCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!], $carrier: String) {\n    createShipment(orderId: $orderId, lines: $lines, carrier: $carrier) { id orderId status carrier trackingNumber trackingUrl labelFormat labelAttempts lines { productId quantity } }\n  }\n": typeof types.ShippingCreateShipmentDocument,
    "\n  query ShippingShipments($orderId: ID!) {\n    shipments(orderId: $orderId) { id status version history { status description } }\n  }\n": typeof types.ShippingShipmentsDocument,
    "\n  subscription ShippingWatchTracking($orderId: ID!) {\n    shipmentTracking(orderId: $orderId) { id status trackingNumber history { status } }\n  }\n": typeof types.ShippingWatchTrackingDocument,
    "\n  subscription ShutdownWatchOrderStatus($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status }\n  }\n": typeof types.ShutdownWatchOrderStatusDocument,
    "\n  mutation SoldOutPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n": typeof types.SoldOutPlaceOrderDocument,
    "\n  mutation FeedUpsert($input: [UpsertProductInput!]!, $dryRun: Boolean) {\n    upsertProducts(input: $input, dryRun: $dryRun) {\n      index\n      sku\n      status\n      product { id sku name price { amount currency } status }\n      errors { code field message }\n    }\n  }\n": typeof types.FeedUpsertDocument,
    "\n  query FeedProductBySku($sku: String, $id: ID) {\n    product(sku: $sku, id: $id) { id sku name price { amount currency } }\n  }\n": typeof types.FeedProductBySkuDocument,
    "\n  mutation FeedSetStockBySku($sku: String!, $onHand: Int!) {\n    setStockBySku(sku: $sku, onHand: $onHand) { productId onHand available }\n  }\n": typeof types.FeedSetStockBySkuDocument,
    "\n  mutation FeedAdjustStockBySku($sku: String!, $delta: Int!, $reason: String!, $key: String) {\n    adjustStockBySku(sku: $sku, delta: $delta, reason: $reason, idempotencyKey: $key) { productId onHand }\n  }\n": typeof types.FeedAdjustStockBySkuDocument,
    "\n  mutation FeedAdjustStock($productId: ID!, $delta: Int!, $key: String) {\n    adjustStock(productId: $productId, delta: $delta, reason: \"delivery\", idempotencyKey: $key) { productId onHand }\n  }\n": typeof types.FeedAdjustStockDocument,
    "\n  mutation FeedSetStockLevels($items: [StockLevelInput!]!) {\n    setStockLevels(items: $items) {\n      index\n      sku\n      status\n      stock { productId onHand }\n      error { code field message }\n    }\n  }\n": typeof types.FeedSetStockLevelsDocument,
    "\n  query FeedLowStock($first: Int, $after: String) {\n    lowStock(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { productId available lowStockThreshold product { sku name } } }\n    }\n  }\n": typeof types.FeedLowStockDocument,
    "\n  query StaffOrders($first: Int, $after: String, $filter: OrderFilter, $sort: OrderSort) {\n    orders(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id status total { amount } customer { id email } lines { product { id sku } } } }\n    }\n  }\n": typeof types.StaffOrdersDocument,
    "\n  query StaffUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email name roles } }\n    }\n  }\n": typeof types.StaffUsersDocument,
    "\n  query StaffUser($id: ID!) {\n    user(id: $id) { id email roles orders(first: 5) { totalCount } }\n  }\n": typeof types.StaffUserDocument,
    "\n  subscription StaffBoard($filter: OrderChangeFilter) {\n    ordersChanged(filter: $filter) { id status total { amount } customer { id email } }\n  }\n": typeof types.StaffBoardDocument,
    "\n  mutation StripePay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n": typeof types.StripePayDocument,
    "\n  subscription WatchOneStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n": typeof types.WatchOneStockDocument,
    "\n  subscription WatchMugStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand }\n  }\n": typeof types.WatchMugStockDocument,
    "\n  subscription WatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      version\n      total { amount }\n      customer { email }\n      lines { quantity product { name stock { available } } }\n    }\n  }\n": typeof types.WatchOrderDocument,
    "\n  subscription WatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand reserved available }\n  }\n": typeof types.WatchStockDocument,
    "\n      subscription WatchProductStock($productIds: [ID!]!) {\n        stockLevelChanged(productIds: $productIds) { onHand ...on StockLevel { available } }\n      }\n    ": typeof types.WatchProductStockDocument,
    "\n      subscription WatchOrderPayment($orderId: ID!) {\n        orderStatusChanged(orderId: $orderId) { id status payment { clientSecret } }\n      }\n    ": typeof types.WatchOrderPaymentDocument,
    "\n  query ProductsPage($first: Int, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id sku name price { amount currency } status stock { productId onHand reserved available lowStock } } }\n    }\n  }\n": typeof types.ProductsPageDocument,
    "\n  query ProductById($id: ID!) {\n    product(id: $id) { id name description price { amount currency } stock { available } }\n  }\n": typeof types.ProductByIdDocument,
    "\n  query Me {\n    me { id email name roles }\n  }\n": typeof types.MeDocument,
    "\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total { amount currency }\n      customer { id email }\n      payment { status provider amount { amount } clientSecret }\n      lines { quantity unitPrice { amount } lineTotal { amount } product { id name stock { available } } }\n    }\n  }\n": typeof types.OrderByIdDocument,
    "\n      query TooDeep {\n        me { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }\n      }\n    ": typeof types.TooDeepDocument,
    "\n  mutation KeysCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { id name }\n  }\n": typeof types.KeysCreateServiceAccountDocument,
    "\n  mutation KeysCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scopes lastUsedAt revokedAt } }\n  }\n": typeof types.KeysCreateApiKeyDocument,
    "\n  mutation KeysRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": typeof types.KeysRevokeApiKeyDocument,
    "\n  query KeysAuditOf($filter: AuditFilter) {\n    auditLog(filter: $filter, first: 50) { edges { node { actorId actorName actorRoles service action entityType entityId reason after } } }\n  }\n": typeof types.KeysAuditOfDocument,
    "\n  mutation MfaStart($password: String!) {\n    startMfaEnrollment(password: $password) { secret otpauthUri qrCodeDataUri }\n  }\n": typeof types.MfaStartDocument,
    "\n  mutation MfaConfirm($code: String!) {\n    confirmMfaEnrollment(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }\n  }\n": typeof types.MfaConfirmDocument,
    "\n  mutation MfaStepUp($code: String!) {\n    stepUpMfa(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }\n  }\n": typeof types.MfaStepUpDocument,
    "\n  mutation MfaVerifyChallenge($challenge: String!, $code: String!) {\n    verifyMfaChallenge(challenge: $challenge, code: $code) { accessToken refreshToken user { id email mfaEnabled recoveryCodesLeft } }\n  }\n": typeof types.MfaVerifyChallengeDocument,
    "\n  mutation MfaLogin($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken }\n  }\n": typeof types.MfaLoginDocument,
    "\n  mutation OrdersSupportCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": typeof types.OrdersSupportCreateProductDocument,
    "\n  mutation OrdersSupportSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n": typeof types.OrdersSupportSetStockDocument,
    "\n  fragment OrderFields on Order {\n    id\n    status\n    version\n    total { amount currency }\n    refunded { amount }\n    lines { quantity unitPrice { amount currency } lineTotal { amount } product { id } }\n    statusHistory { from to actor reason }\n    payment { status amount { amount currency } }\n  }\n": typeof types.OrderFieldsFragmentDoc,
    "\n  mutation OrdersPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { ...OrderFields }\n  }\n": typeof types.OrdersPlaceOrderDocument,
    "\n  query OrdersReadOrder($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n": typeof types.OrdersReadOrderDocument,
    "\n  mutation OrdersConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n": typeof types.OrdersConfirmPaymentDocument,
    "\n  mutation OrdersCancelOrder($id: ID!, $reason: String) {\n    cancelOrder(id: $id, reason: $reason) { ...OrderFields }\n  }\n": typeof types.OrdersCancelOrderDocument,
    "\n  mutation OrdersShipOrder($id: ID!) {\n    shipOrder(id: $id) { ...OrderFields }\n  }\n": typeof types.OrdersShipOrderDocument,
    "\n  mutation ShoppingDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { status }\n  }\n": typeof types.ShoppingDeliverOrderDocument,
    "\n  query TracedProducts {\n    products(first: 1) { edges { node { name stock { available } } } }\n  }\n": typeof types.TracedProductsDocument,
    "\n  query MigrationLamp($id: ID!) {\n    product(id: $id) {\n      sku\n      stock { onHand reserved }\n      variants { id sku title isDefault optionValues { option } price { amount currency } attributes { key value } media { url alt } status stock { onHand reserved } }\n    }\n  }\n": typeof types.MigrationLampDocument,
    "\n  query MigrationOrder($id: ID!) {\n    order(id: $id) { status lines { product { id } variant { id sku } sku quantity } }\n  }\n": typeof types.MigrationOrderDocument,
    "\n  query MigrationCart {\n    cart { lines { product { id } variant { id } quantity unitPrice { amount } } }\n  }\n": typeof types.MigrationCartDocument,
    "\n  mutation MigrationPlaceFromCart {\n    placeOrderFromCart { status lines { variant { id } sku quantity } }\n  }\n": typeof types.MigrationPlaceFromCartDocument,
    "\n  mutation VariantsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id variants { id sku title isDefault optionValues { option value } price { amount currency } status } }\n  }\n": typeof types.VariantsCreateProductDocument,
    "\n  mutation VariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {\n    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) {\n      id\n      options { name values }\n      variants { id title optionValues { option value } }\n    }\n  }\n": typeof types.VariantsSetOptionsDocument,
    "\n  mutation VariantsAdd($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku title isDefault optionValues { option value } price { amount currency } status product { id } }\n  }\n": typeof types.VariantsAddDocument,
    "\n  mutation VariantsUpdate($id: ID!, $input: UpdateProductVariantInput!) {\n    updateProductVariant(id: $id, input: $input) { id price { amount } status }\n  }\n": typeof types.VariantsUpdateDocument,
    "\n  mutation VariantsArchive($id: ID!) {\n    archiveProductVariant(id: $id) { id status }\n  }\n": typeof types.VariantsArchiveDocument,
    "\n  mutation VariantsUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id price { amount } }\n  }\n": typeof types.VariantsUpdateProductDocument,
    "\n  query VariantsProductPage($id: ID, $sku: String) {\n    product(id: $id, sku: $sku) {\n      id\n      options { name values }\n      stock { productId variantId onHand reserved available }\n      variants { id sku title optionValues { option value } price { amount } stock { productId variantId onHand reserved available } }\n    }\n  }\n": typeof types.VariantsProductPageDocument,
    "\n  query VariantsBySku($sku: String!) {\n    productVariant(sku: $sku) { id title product { id } }\n  }\n": typeof types.VariantsBySkuDocument,
    "\n  mutation VariantsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId variantId onHand product { id } }\n  }\n": typeof types.VariantsSetStockDocument,
    "\n  mutation VariantsSetStockBySku($sku: String!, $onHand: Int!) {\n    setStockBySku(sku: $sku, onHand: $onHand) { productId variantId onHand }\n  }\n": typeof types.VariantsSetStockBySkuDocument,
    "\n  mutation VariantsAddToCart($productId: ID, $variantId: ID, $quantity: Int!) {\n    addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {\n      lines { product { id } variant { id sku title } quantity unitPrice { amount } available }\n      total { amount }\n    }\n  }\n": typeof types.VariantsAddToCartDocument,
    "\n  mutation VariantsPlaceFromCart {\n    placeOrderFromCart { id status total { amount } lines { product { id } variant { id title } sku optionValues { option value } quantity unitPrice { amount } } }\n  }\n": typeof types.VariantsPlaceFromCartDocument,
    "\n  mutation VariantsPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status lines { product { id } variant { id } sku quantity } }\n  }\n": typeof types.VariantsPlaceOrderDocument,
    "\n  subscription VariantsWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId variantId onHand reserved }\n  }\n": typeof types.VariantsWatchStockDocument,
    "\n  query VariantsAuditLog($filter: AuditFilter) {\n    auditLog(first: 20, filter: $filter) { edges { node { action entityType entityId actorId before after } } }\n  }\n": typeof types.VariantsAuditLogDocument,
    "\n  mutation VariantsWalkWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id }\n  }\n": typeof types.VariantsWalkWarehouseDocument,
    "\n  mutation VariantsWalkSetStockIn($productId: ID!, $onHand: Int!, $warehouseId: ID) {\n    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { productId onHand product { id } }\n  }\n": typeof types.VariantsWalkSetStockInDocument,
    "\n  mutation VariantsWalkTransfer($input: TransferStockInput!) {\n    transferStock(input: $input) { productId quantity stock { warehouse { code } productId onHand } }\n  }\n": typeof types.VariantsWalkTransferDocument,
    "\n  query VariantsWalkStock($id: ID!) {\n    product(id: $id) {\n      stock { onHand reserved }\n      stockByWarehouse { warehouse { code } productId variant { id } product { id } onHand reserved }\n      variants { id stock { onHand reserved } stockByWarehouse { warehouse { code } product { id } onHand reserved } }\n    }\n  }\n": typeof types.VariantsWalkStockDocument,
    "\n  mutation VariantsWalkPriceRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id }\n  }\n": typeof types.VariantsWalkPriceRuleDocument,
    "\n  mutation VariantsWalkPromotion($input: PromotionInput!) {\n    createPromotion(input: $input) { id }\n  }\n": typeof types.VariantsWalkPromotionDocument,
    "\n  fragment VariantsWalkTotals on Totals {\n    pricesIncludeTax\n    subtotal { amount currency }\n    discounts { source code amount { amount } }\n    discountTotal { amount }\n    taxes { category rate base { amount } amount { amount } }\n    taxTotal { amount }\n    total { amount currency }\n    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }\n  }\n": typeof types.VariantsWalkTotalsFragmentDoc,
    "\n  mutation VariantsWalkApplyCode($code: String!) {\n    applyDiscountCode(code: $code) { totals { ...VariantsWalkTotals } }\n  }\n": typeof types.VariantsWalkApplyCodeDocument,
    "\n  mutation VariantsWalkPlace($expectedTotal: Int) {\n    placeOrderFromCart(expectedTotal: $expectedTotal) { id status total { amount } lines { variant { id } quantity unitPrice { amount } } totals { ...VariantsWalkTotals } payment { amount { amount } } }\n  }\n": typeof types.VariantsWalkPlaceDocument,
    "\n  query VariantsWalkOrder($id: ID!) {\n    order(id: $id) { status total { amount } totals { ...VariantsWalkTotals } }\n  }\n": typeof types.VariantsWalkOrderDocument,
    "\n  mutation WarehousesCreate($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id code name country region city priority active }\n  }\n": typeof types.WarehousesCreateDocument,
    "\n  mutation WarehousesUpdate($id: ID!, $input: UpdateWarehouseInput!) {\n    updateWarehouse(id: $id, input: $input) { id active priority }\n  }\n": typeof types.WarehousesUpdateDocument,
    "\n  query WarehousesList {\n    warehouses { id code priority active }\n  }\n": typeof types.WarehousesListDocument,
    "\n  mutation WarehousesSetStock($productId: ID!, $onHand: Int!, $warehouseId: ID) {\n    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { onHand reserved available }\n  }\n": typeof types.WarehousesSetStockDocument,
    "\n  query WarehousesProductStock($id: ID!) {\n    product(id: $id) {\n      stock { onHand reserved available }\n      stockByWarehouse { warehouse { code } onHand reserved available lowStock lowStockThreshold }\n    }\n  }\n": typeof types.WarehousesProductStockDocument,
    "\n  mutation WarehousesTransfer($input: TransferStockInput!) {\n    transferStock(input: $input) { id productId fromWarehouseId toWarehouseId quantity reason stock { warehouse { code } onHand reserved } }\n  }\n": typeof types.WarehousesTransferDocument,
    "\n  query WarehousesLowStock($warehouseId: ID!) {\n    warehouseLowStock(warehouseId: $warehouseId, first: 100) { totalCount edges { node { productId available lowStockThreshold product { id } } } }\n  }\n": typeof types.WarehousesLowStockDocument,
    "\n  mutation WarehousesSetThreshold($warehouseId: ID!, $productId: ID!, $threshold: Int!) {\n    setWarehouseLowStockThreshold(warehouseId: $warehouseId, productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }\n  }\n": typeof types.WarehousesSetThresholdDocument,
    "\n  query WarehousesMovements($productId: ID!) {\n    stockMovements(productId: $productId, first: 50) { edges { node { kind warehouseId onHandDelta reservedDelta onHandAfter reservedAfter warehouseOnHandAfter warehouseReservedAfter orderId } } }\n  }\n": typeof types.WarehousesMovementsDocument,
    "\n  query WarehousesAudit($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) { edges { node { action entityType entityId reason before after } } }\n  }\n": typeof types.WarehousesAuditDocument,
    "\n  query WebStripeOrder($id: ID!) {\n    order(id: $id) { status payment { status provider } statusHistory { to } }\n  }\n": typeof types.WebStripeOrderDocument,
    "\n  query WebOrder($id: ID!) {\n    order(id: $id) { payment { status } statusHistory { to } }\n  }\n": typeof types.WebOrderDocument,
    "\n  query WebProductBySku($sku: String!) {\n    product(sku: $sku) { id name status }\n  }\n": typeof types.WebProductBySkuDocument,
    "\n  mutation WebCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": typeof types.WebCreateProductDocument,
    "\n  mutation WebSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n": typeof types.WebSetOptionsDocument,
    "\n  mutation WebAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id }\n  }\n": typeof types.WebAddVariantDocument,
    "\n  mutation HooksRegister($input: RegisterWebhookEndpointInput!) {\n    registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes } }\n  }\n": typeof types.HooksRegisterDocument,
    "\n  mutation HooksRemove($id: ID!) {\n    removeWebhookEndpoint(id: $id) { id removedAt }\n  }\n": typeof types.HooksRemoveDocument,
    "\n  query HooksDeliveries($filter: WebhookDeliveryFilter) {\n    webhookDeliveries(filter: $filter, first: 100) { edges { node { id eventId eventType status attempts lastStatusCode lastError deliveredAt } } }\n  }\n": typeof types.HooksDeliveriesDocument,
    "\n  mutation HooksRedeliver($id: ID!) {\n    redeliverWebhook(id: $id) { id status }\n  }\n": typeof types.HooksRedeliverDocument,
    "\n  mutation HooksRename($id: ID!, $name: String!) {\n    updateProduct(id: $id, input: { name: $name }) { id name }\n  }\n": typeof types.HooksRenameDocument,
    "\n  mutation HooksSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand }\n  }\n": typeof types.HooksSetStockDocument,
    "\n  mutation HooksThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) { lowStockThreshold }\n  }\n": typeof types.HooksThresholdDocument,
};
const documents: Documents = {
    "fragment ClientSession on AuthPayload {\n  accessToken\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation ClientRegister($input: RegisterInput!) {\n  register(input: $input) {\n    ...ClientSession\n  }\n}\n\nmutation ClientLogin($input: LoginInput!) {\n  login(input: $input) {\n    ...ClientSession\n  }\n}\n\nmutation ClientRefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...ClientSession\n  }\n}\n\nmutation ClientLogout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery ClientMe {\n  me {\n    id\n    email\n    name\n    roles\n  }\n}": types.ClientSessionFragmentDoc,
    "mutation ConsoleSetStockLevels($items: [StockLevelInput!]!) {\n  setStockLevels(items: $items) {\n    index\n    sku\n    status\n    stock {\n      productId\n      onHand\n      reserved\n      available\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": types.ConsoleSetStockLevelsDocument,
    "query ClientNode($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Product {\n      name\n      price {\n        amount\n        currency\n      }\n    }\n    ... on Order {\n      orderStatus: status\n      total {\n        amount\n        currency\n      }\n    }\n  }\n}\n\nquery ClientNodes($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    __typename\n    id\n  }\n}": types.ClientNodeDocument,
    "fragment StorefrontOrderFields on Order {\n  id\n  status\n  version\n  total {\n    amount\n    currency\n  }\n  lines {\n    quantity\n    unitPrice {\n      amount\n      currency\n    }\n    lineTotal {\n      amount\n      currency\n    }\n    product {\n      id\n      name\n    }\n  }\n  payment {\n    status\n    clientSecret\n  }\n  createdAt\n}\n\nmutation StorefrontPlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...StorefrontOrderFields\n  }\n}\n\nmutation StorefrontConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n  confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n    id\n    status\n  }\n}\n\nquery StorefrontOrder($id: ID!) {\n  order(id: $id) {\n    ...StorefrontOrderFields\n  }\n}\n\nquery StorefrontOrderHistory($first: Int, $after: String, $last: Int, $before: String) {\n  me {\n    id\n    orders(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...StorefrontOrderFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}\n\nsubscription StorefrontOrderStatus($orderId: ID!) {\n  orderStatusChanged(orderId: $orderId) {\n    ...StorefrontOrderFields\n  }\n}": types.StorefrontOrderFieldsFragmentDoc,
    "query StorefrontProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {\n  products(\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n    filter: $filter\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nquery StorefrontProduct($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    description\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n    }\n  }\n}\n\nsubscription StorefrontStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    productId\n    available\n  }\n}": types.StorefrontProductsDocument,
    "fragment ConsoleStockFields on StockLevel {\n  productId\n  onHand\n  reserved\n  available\n  lowStockThreshold\n  lowStock\n  version\n}\n\nfragment ConsoleProductFields on Product {\n  id\n  sku\n  name\n  status\n  price {\n    amount\n    currency\n  }\n  stock {\n    ...ConsoleStockFields\n  }\n  variants {\n    status\n  }\n}\n\nquery ConsoleProducts($filter: ProductFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        ...ConsoleProductFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleCreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...ConsoleProductFields\n  }\n}\n\nmutation ConsoleUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...ConsoleProductFields\n  }\n}\n\nmutation ConsoleArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    ...ConsoleProductFields\n  }\n}\n\nquery ConsoleProductVariants($id: ID!) {\n  product(id: $id) {\n    variants {\n      id\n      sku\n      title\n      status\n      price {\n        amount\n        currency\n      }\n      stock {\n        available\n        onHand\n      }\n    }\n  }\n}\n\nmutation ConsoleSetStock($sku: String!, $onHand: Int!) {\n  setStockBySku(sku: $sku, onHand: $onHand) {\n    ...ConsoleStockFields\n  }\n}\n\nmutation ConsoleAdjustStock($sku: String!, $delta: Int!, $reason: String!, $key: String) {\n  adjustStockBySku(\n    sku: $sku\n    delta: $delta\n    reason: $reason\n    idempotencyKey: $key\n  ) {\n    ...ConsoleStockFields\n  }\n}\n\nquery ConsoleLowStock {\n  lowStock(first: 50) {\n    edges {\n      node {\n        ...ConsoleStockFields\n        product {\n          sku\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nfragment ConsoleOrderFields on Order {\n  id\n  status\n  version\n  createdAt\n  total {\n    amount\n    currency\n  }\n  customer {\n    email\n    name\n  }\n  lines {\n    quantity\n    product {\n      name\n    }\n  }\n}\n\nquery ConsoleOrders($filter: OrderFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  orders(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        ...ConsoleOrderFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleShipOrder($id: ID!) {\n  shipOrder(id: $id) {\n    ...ConsoleOrderFields\n  }\n}\n\nmutation ConsoleDeliverOrder($id: ID!) {\n  deliverOrder(id: $id) {\n    ...ConsoleOrderFields\n  }\n}\n\nsubscription ConsoleOrdersChanged($filter: OrderChangeFilter) {\n  ordersChanged(filter: $filter) {\n    ...ConsoleOrderFields\n  }\n}\n\nquery ConsoleAudit($filter: AuditFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  auditLog(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        id\n        at\n        actorId\n        actorName\n        service\n        action\n        entityType\n        entityId\n        reason\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleVerifyMfa($challenge: String!, $code: String!) {\n  verifyMfaChallenge(challenge: $challenge, code: $code) {\n    ...ClientSession\n  }\n}": types.ConsoleStockFieldsFragmentDoc,
    "fragment StoreStockLevel on StockLevel {\n  productId\n  variantId\n  available\n  version\n}\n\nfragment StoreProductFields on Product {\n  id\n  sku\n  name\n  description\n  price {\n    amount\n    currency\n  }\n  stock {\n    ...StoreStockLevel\n  }\n}\n\nquery StoreCategories {\n  categories {\n    id\n    name\n  }\n}\n\nquery StoreProducts($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    filter: $filter\n    sort: $sort\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      cursor\n      node {\n        ...StoreProductFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nquery StoreProduct($id: ID!) {\n  product(id: $id) {\n    ...StoreProductFields\n    options {\n      name\n      values\n    }\n    variants {\n      id\n      sku\n      title\n      optionValues {\n        option\n        value\n      }\n      price {\n        amount\n        currency\n      }\n      stock {\n        ...StoreStockLevel\n      }\n    }\n  }\n}\n\nquery StoreVariantStock($id: ID!) {\n  productVariant(id: $id) {\n    stock {\n      ...StoreStockLevel\n    }\n  }\n}\n\nsubscription StoreStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    ...StoreStockLevel\n  }\n}\n\nfragment StoreCartFields on Cart {\n  lines {\n    variant {\n      id\n      title\n      isDefault\n    }\n    quantity\n    available\n    lineTotal {\n      amount\n      currency\n    }\n    product {\n      ...StoreProductFields\n    }\n  }\n  total {\n    amount\n    currency\n  }\n}\n\nquery StoreCart {\n  cart {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreAddToCart($productId: ID!, $variantId: ID, $quantity: Int!) {\n  addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreUpdateCartLine($productId: ID!, $quantity: Int!) {\n  updateCartLine(productId: $productId, quantity: $quantity) {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreRemoveFromCart($productId: ID!) {\n  removeFromCart(productId: $productId) {\n    ...StoreCartFields\n  }\n}\n\nfragment StoreWishlistItem on WishlistItem {\n  addedAt\n  product {\n    ...StoreProductFields\n  }\n}\n\nquery StoreWishlist {\n  wishlist {\n    ...StoreWishlistItem\n  }\n}\n\nmutation StoreAddToWishlist($productId: ID!) {\n  addToWishlist(productId: $productId) {\n    ...StoreWishlistItem\n  }\n}\n\nmutation StoreRemoveFromWishlist($productId: ID!) {\n  removeFromWishlist(productId: $productId) {\n    ...StoreWishlistItem\n  }\n}\n\nfragment StoreOrderFields on Order {\n  id\n  status\n  version\n  createdAt\n  total {\n    amount\n    currency\n  }\n  lines {\n    quantity\n    lineTotal {\n      amount\n      currency\n    }\n    sku\n    optionValues {\n      option\n      value\n    }\n    product {\n      id\n      name\n    }\n  }\n  payment {\n    status\n    statusReason\n  }\n  statusHistory {\n    to\n    at\n    reason\n  }\n}\n\nmutation StorePlaceOrder($key: String) {\n  placeOrderFromCart(idempotencyKey: $key) {\n    ...StoreOrderFields\n  }\n}\n\nquery StoreOrder($id: ID!) {\n  order(id: $id) {\n    ...StoreOrderFields\n  }\n}\n\nquery StoreOrderClientSecret($id: ID!) {\n  order(id: $id) {\n    payment {\n      clientSecret\n    }\n  }\n}\n\nmutation StorePay($orderId: ID!, $paymentMethod: String!) {\n  confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n    status\n    statusReason\n  }\n}\n\nquery StoreOrderHistory($first: Int, $after: String, $last: Int, $before: String) {\n  me {\n    orders(first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        node {\n          ...StoreOrderFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}\n\nsubscription StoreOrderStatus($orderId: ID!) {\n  orderStatusChanged(orderId: $orderId) {\n    ...StoreOrderFields\n  }\n}": types.StoreStockLevelFragmentDoc,
    "\n  mutation AccountSignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email } }\n  }\n": types.AccountSignUpDocument,
    "\n  mutation AccountSignIn($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken user { id roles } }\n  }\n": types.AccountSignInDocument,
    "\n  mutation AccountRenew($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken user { roles } }\n  }\n": types.AccountRenewDocument,
    "\n  mutation AccountGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id email roles }\n  }\n": types.AccountGrantRoleDocument,
    "\n  query AccountCustomerOrder($id: ID!) {\n    order(id: $id) { id payment { clientSecret } customer { id email } }\n  }\n": types.AccountCustomerOrderDocument,
    "\n  query AccountMyOrderCount {\n    me { orders { totalCount } }\n  }\n": types.AccountMyOrderCountDocument,
    "\n  query AccountCustomerPrivateFields($id: ID!) {\n    order(id: $id) { customer { email phone roles addresses { city } defaultShippingAddress { city } } }\n  }\n": types.AccountCustomerPrivateFieldsDocument,
    "\n  query AccountCustomerSessions($id: ID!) {\n    order(id: $id) { customer { sessions { id } } }\n  }\n": types.AccountCustomerSessionsDocument,
    "\n  query AccountCustomerPreferences($id: ID!) {\n    order(id: $id) { customer { preferences { locale } } }\n  }\n": types.AccountCustomerPreferencesDocument,
    "\n  mutation AccountUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { id name phone preferences { locale currency marketingEmails orderUpdates } }\n  }\n": types.AccountUpdateProfileDocument,
    "\n  query AccountMyAddresses {\n    me { addresses { id label recipient line1 line2 postalCode city region country phone } defaultShippingAddress { id } }\n  }\n": types.AccountMyAddressesDocument,
    "\n  mutation AccountAddAddress($input: AddressInput!) {\n    addAddress(input: $input) { id label recipient line1 line2 postalCode city region country phone }\n  }\n": types.AccountAddAddressDocument,
    "\n  mutation AccountUpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) { id city country }\n  }\n": types.AccountUpdateAddressDocument,
    "\n  mutation AccountRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n": types.AccountRemoveAddressDocument,
    "\n  mutation AccountSetDefaultAddress($id: ID!) {\n    setDefaultShippingAddress(id: $id) { id defaultShippingAddress { id } }\n  }\n": types.AccountSetDefaultAddressDocument,
    "\n  query AccountMySessions {\n    me { sessions { id current clientAddress userAgent createdAt lastUsedAt expiresAt } }\n  }\n": types.AccountMySessionsDocument,
    "\n  mutation AccountRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.AccountRevokeSessionDocument,
    "\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.AccountChangePasswordDocument,
    "\n  query KeysServiceAccounts {\n    serviceAccounts { id name keys { id name prefix scopes lastUsedAt revokedAt } }\n  }\n": types.KeysServiceAccountsDocument,
    "\n  mutation KeysSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId onHand }\n  }\n": types.KeysSetStockDocument,
    "\n  mutation KeysCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": types.KeysCreateProductDocument,
    "\n  query KeysReadStock($id: ID!) {\n    product(id: $id) { id stock { onHand } }\n  }\n": types.KeysReadStockDocument,
    "\n  subscription KeysStockWatch($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n": types.KeysStockWatchDocument,
    "\n  query KeysReadProduct($id: ID!) {\n    product(id: $id) { id name }\n  }\n": types.KeysReadProductDocument,
    "\n  mutation AuthRegister($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      sessionExpiresAt\n      user { id email name roles }\n    }\n  }\n": types.AuthRegisterDocument,
    "\n  mutation AuthLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      user { id email roles sessions { id current } }\n    }\n  }\n": types.AuthLoginDocument,
    "\n  mutation AuthRefresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      sessionExpiresAt\n      user { id roles }\n    }\n  }\n": types.AuthRefreshDocument,
    "\n  mutation AuthLogout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.AuthLogoutDocument,
    "\n  query AuthWhoAmI {\n    me { id email roles }\n  }\n": types.AuthWhoAmIDocument,
    "\n  subscription AuthStockWatch($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n": types.AuthStockWatchDocument,
    "\n  fragment CartFields on Cart {\n    lines { product { id name stock { available } } quantity unitPrice { amount currency } lineTotal { amount } available }\n    total { amount currency }\n  }\n": types.CartFieldsFragmentDoc,
    "\n  query CartRead {\n    cart { ...CartFields }\n  }\n": types.CartReadDocument,
    "\n  mutation CartAdd($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { ...CartFields }\n  }\n": types.CartAddDocument,
    "\n  mutation CartUpdateLine($productId: ID!, $quantity: Int!) {\n    updateCartLine(productId: $productId, quantity: $quantity) { ...CartFields }\n  }\n": types.CartUpdateLineDocument,
    "\n  mutation CartRemove($productId: ID!) {\n    removeFromCart(productId: $productId) { ...CartFields }\n  }\n": types.CartRemoveDocument,
    "\n  mutation CartClear {\n    clearCart { ...CartFields }\n  }\n": types.CartClearDocument,
    "\n  mutation CartPlaceOrder($idempotencyKey: String) {\n    placeOrderFromCart(idempotencyKey: $idempotencyKey) { id status total { amount } lines { quantity product { id } } }\n  }\n": types.CartPlaceOrderDocument,
    "\n  mutation CartUpdatePrice($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id }\n  }\n": types.CartUpdatePriceDocument,
    "\n  query CartWishlist {\n    wishlist { addedAt product { id name } }\n  }\n": types.CartWishlistDocument,
    "\n  mutation CartAddToWishlist($productId: ID!) {\n    addToWishlist(productId: $productId) { product { id } }\n  }\n": types.CartAddToWishlistDocument,
    "\n  mutation CartRemoveFromWishlist($productId: ID!) {\n    removeFromWishlist(productId: $productId) { product { id } }\n  }\n": types.CartRemoveFromWishlistDocument,
    "\n  mutation CopyPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } lines { unitPrice { amount } variant { id } } }\n  }\n": types.CopyPlaceOrderDocument,
    "\n  mutation CopyUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id }\n  }\n": types.CopyUpdateProductDocument,
    "\n  mutation CopyArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id }\n  }\n": types.CopyArchiveProductDocument,
    "\n  mutation CopySetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {\n    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) { id }\n  }\n": types.CopySetOptionsDocument,
    "\n  mutation CopyAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id }\n  }\n": types.CopyAddVariantDocument,
    "\n  mutation CopyUpdateVariant($id: ID!, $input: UpdateProductVariantInput!) {\n    updateProductVariant(id: $id, input: $input) { id }\n  }\n": types.CopyUpdateVariantDocument,
    "\n  mutation CopyAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n": types.CopyAddToCartDocument,
    "\n  query CopyCart {\n    cart { lines { unitPrice { amount } available } }\n  }\n": types.CopyCartDocument,
    "\n  mutation CatalogCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      sku\n      name\n      description\n      price { amount currency }\n      status\n      categories { id name }\n      attributes { key value }\n      media { url alt position }\n    }\n  }\n": types.CatalogCreateProductDocument,
    "\n  mutation CatalogUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id name description price { amount currency } status categories { id } attributes { key value } }\n  }\n": types.CatalogUpdateProductDocument,
    "\n  mutation CatalogArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id status }\n  }\n": types.CatalogArchiveProductDocument,
    "\n  query CatalogProductById($id: ID!) {\n    product(id: $id) { id status }\n  }\n": types.CatalogProductByIdDocument,
    "\n  query CatalogListProducts($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id sku name price { amount } status } }\n    }\n  }\n": types.CatalogListProductsDocument,
    "\n  mutation CatalogUpsert($input: [UpsertProductInput!]!) {\n    upsertProducts(input: $input) {\n      index\n      sku\n      status\n      product { id sku name price { amount currency } status }\n      error { code message field }\n    }\n  }\n": types.CatalogUpsertDocument,
    "\n  query CatalogCategories($parentId: ID) {\n    categories(parentId: $parentId) { id name parentId parent { name } children { name children { name } } }\n  }\n": types.CatalogCategoriesDocument,
    "\n  mutation CatalogCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) { id name parentId }\n  }\n": types.CatalogCreateCategoryDocument,
    "\n  mutation CatalogUpdateCategory($id: ID!, $input: UpdateCategoryInput!) {\n    updateCategory(id: $id, input: $input) { id name parentId }\n  }\n": types.CatalogUpdateCategoryDocument,
    "\n  query CatalogAuditLog($first: Int, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id at actorId actorRoles service action entityType entityId before after } }\n    }\n  }\n": types.CatalogAuditLogDocument,
    "\n  mutation ConnectionsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": types.ConnectionsCreateProductDocument,
    "\n  query ConnectionsProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, last: $last, before: $before, filter: $filter, sort: NEWEST) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id } }\n    }\n  }\n": types.ConnectionsProductsDocument,
    "\n  query ConnectionsUsers($last: Int, $before: String) {\n    users(last: $last, before: $before) {\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { email } }\n    }\n  }\n": types.ConnectionsUsersDocument,
    "\n  mutation FlashPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n": types.FlashPlaceOrderDocument,
    "\n  mutation FlashConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n": types.FlashConfirmPaymentDocument,
    "\n  mutation IdeSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n": types.IdeSetStockDocument,
    "\n  mutation InventoryCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": types.InventoryCreateProductDocument,
    "\n  mutation InventorySetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId onHand reserved available lowStock lowStockThreshold }\n  }\n": types.InventorySetStockDocument,
    "\n  mutation InventoryAdjustStock($productId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(productId: $productId, delta: $delta, reason: $reason) { onHand reserved available lowStock }\n  }\n": types.InventoryAdjustStockDocument,
    "\n  mutation InventorySetThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }\n  }\n": types.InventorySetThresholdDocument,
    "\n  query InventoryMovements($productId: ID!, $first: Int, $after: String) {\n    stockMovements(productId: $productId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { kind onHandDelta reservedDelta onHandAfter reservedAfter orderId reason actorId version } }\n    }\n  }\n": types.InventoryMovementsDocument,
    "\n  query InventoryProductStock($id: ID!) {\n    product(id: $id) { id stock { onHand reserved available lowStock lowStockThreshold } }\n  }\n": types.InventoryProductStockDocument,
    "\n  query InventoryAudit($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) {\n      edges { node { action service actorId actorRoles entityType entityId reason before after } }\n    }\n  }\n": types.InventoryAuditDocument,
    "\n  mutation LocalPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status total { amount currency } }\n  }\n": types.LocalPlaceOrderDocument,
    "\n  query LocalOrderTotals($id: ID!) {\n    order(id: $id) { id totals { total { amount } lines { unitPrice { amount } } } }\n  }\n": types.LocalOrderTotalsDocument,
    "\n  mutation LocalCreateRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id }\n  }\n": types.LocalCreateRuleDocument,
    "\n  mutation LocalAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n": types.LocalAddToCartDocument,
    "\n  mutation LocalPlaceFromCart {\n    placeOrderFromCart { id status }\n  }\n": types.LocalPlaceFromCartDocument,
    "\n  query LogsMe {\n    me { id }\n  }\n": types.LogsMeDocument,
    "\n  query LogsProducts {\n    products(first: 1) { edges { node { name } } }\n  }\n": types.LogsProductsDocument,
    "\n  mutation LogsLogin($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken }\n  }\n": types.LogsLoginDocument,
    "\n  query McpStockOf($id: ID!) {\n    product(id: $id) { id stock { onHand } }\n  }\n": types.McpStockOfDocument,
    "\n  query MetricsProducts {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n": types.MetricsProductsDocument,
    "\n  subscription MetricsWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { available }\n  }\n": types.MetricsWatchStockDocument,
    "\n  mutation MetricsSignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email name } }\n  }\n": types.MetricsSignUpDocument,
    "\n  mutation MfaRegister($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email } }\n  }\n": types.MfaRegisterDocument,
    "\n  mutation MfaRefresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken }\n  }\n": types.MfaRefreshDocument,
    "\n  query MfaMine {\n    me { id mfaEnabled recoveryCodesLeft sessions { id current mfaVerified mfaVerifiedAt } }\n  }\n": types.MfaMineDocument,
    "\n  mutation MfaRegenerate($code: String!) {\n    regenerateRecoveryCodes(code: $code) { recoveryCodes accessToken }\n  }\n": types.MfaRegenerateDocument,
    "\n  mutation MfaDisable($password: String!, $code: String!) {\n    disableMfa(password: $password, code: $code)\n  }\n": types.MfaDisableDocument,
    "\n  mutation MfaChangeEmail($input: ChangeEmailInput!) {\n    changeEmail(input: $input) { id email }\n  }\n": types.MfaChangeEmailDocument,
    "\n  mutation MfaGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id roles }\n  }\n": types.MfaGrantRoleDocument,
    "\n  mutation MfaCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": types.MfaCreateProductDocument,
    "\n  mutation MfaRefund($id: ID!) {\n    refundOrder(id: $id) { id status refunded { amount } }\n  }\n": types.MfaRefundDocument,
    "\n  query OrdersWithEverything($first: Int) {\n    me {\n      orders(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            customer { name }\n            payment { status }\n            totals { total { amount } }\n            lines { quantity product { name price { amount } stock { available lowStock } } }\n          }\n        }\n      }\n    }\n  }\n": types.OrdersWithEverythingDocument,
    "\n  query ProductPageWithRatingsAndRecommendations($first: Int) {\n    products(first: $first) {\n      edges {\n        node {\n          id\n          name\n          rating { average count distribution { rating count } }\n          frequentlyBoughtTogether(first: 3) { id name price { amount } }\n          customersAlsoViewed(first: 3) { id }\n          salePrice { amount }\n          promotions { name }\n        }\n      }\n    }\n  }\n": types.ProductPageWithRatingsAndRecommendationsDocument,
    "\n  query ProductPageWithVariantsAndStock($first: Int) {\n    products(first: $first) {\n      edges { node { id stock { onHand } variants { id sku optionValues { value } price { amount } stock { available } } } }\n    }\n  }\n": types.ProductPageWithVariantsAndStockDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Product { sku productStatus: status }\n      ... on ProductVariant { sku variantStatus: status product { id } }\n      ... on Category { name }\n      ... on Order { status total { amount } }\n      ... on User { email }\n      ... on Review { rating }\n      ... on Shipment { orderId carrier }\n    }\n  }\n": types.NodeByIdDocument,
    "\n  query NodesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) { __typename id }\n  }\n": types.NodesByIdsDocument,
    "\n  mutation NodeSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n": types.NodeSetOptionsDocument,
    "\n  mutation NodeAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku }\n  }\n": types.NodeAddVariantDocument,
    "\n  mutation NodeArchiveVariant($id: ID!) {\n    archiveProductVariant(id: $id) { id }\n  }\n": types.NodeArchiveVariantDocument,
    "\n  mutation NodePlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id }\n  }\n": types.NodePlaceOrderDocument,
    "\n  mutation NodeCreateShipment($orderId: ID!) {\n    createShipment(orderId: $orderId) { id }\n  }\n": types.NodeCreateShipmentDocument,
    "\n  mutation NodeDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { status }\n  }\n": types.NodeDeliverOrderDocument,
    "\n  mutation NodeWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) { id status }\n  }\n": types.NodeWriteReviewDocument,
    "\n  mutation OrdersDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { ...OrderFields }\n  }\n": types.OrdersDeliverOrderDocument,
    "\n  mutation OrdersRefundOrder($id: ID!, $amount: Int, $reason: String, $idempotencyKey: String) {\n    refundOrder(id: $id, amount: $amount, reason: $reason, idempotencyKey: $idempotencyKey) { ...OrderFields }\n  }\n": types.OrdersRefundOrderDocument,
    "\n  query OrdersMyOrders {\n    me { orders(first: 50) { totalCount edges { node { id status } } } }\n  }\n": types.OrdersMyOrdersDocument,
    "\n  subscription OrdersWatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status version }\n  }\n": types.OrdersWatchOrderDocument,
    "\n  mutation OnDemandPlace($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status payment { id status amount { amount currency } provider } }\n  }\n": types.OnDemandPlaceDocument,
    "\n  query OnDemandPaymentForm($id: ID!) {\n    order(id: $id) { payment { id status clientSecret } }\n  }\n": types.OnDemandPaymentFormDocument,
    "\n  mutation OnDemandPay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { id status statusReason }\n  }\n": types.OnDemandPayDocument,
    "\n  mutation PaymentsPay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n      id\n      orderId\n      status\n      statusReason\n      provider\n      amount { amount currency }\n      refundedAmount { amount }\n      receipt {\n        number\n        orderId\n        paymentId\n        provider\n        issuedAt\n        total { amount currency }\n        lines { product { id name } quantity unitPrice { amount currency } lineTotal { amount } }\n      }\n    }\n  }\n": types.PaymentsPayDocument,
    "\n  mutation PaymentsAuthenticate($orderId: ID!, $approve: Boolean!) {\n    completePaymentAuthentication(orderId: $orderId, approve: $approve) { status statusReason receipt { number } }\n  }\n": types.PaymentsAuthenticateDocument,
    "\n  query PaymentsReceipt($orderId: ID!) {\n    receipt(orderId: $orderId) { number total { amount currency } lines { quantity product { id } } }\n  }\n": types.PaymentsReceiptDocument,
    "\n  query ProductCount {\n    products { totalCount }\n  }\n": types.ProductCountDocument,
    "\n  mutation PricingCreateRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id kind variantId amount percentOff }\n  }\n": types.PricingCreateRuleDocument,
    "\n  mutation PricingDeleteRule($id: ID!) {\n    deletePriceRule(id: $id)\n  }\n": types.PricingDeleteRuleDocument,
    "\n  mutation PricingCreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) { id code kind value used usageLimit }\n  }\n": types.PricingCreatePromotionDocument,
    "\n  query PricingPromotions {\n    promotions { id code used }\n  }\n": types.PricingPromotionsDocument,
    "\n  fragment PricingTotalsFields on Totals {\n    pricesIncludeTax\n    subtotal { amount currency }\n    discounts { source code name amount { amount } }\n    discountTotal { amount }\n    shipping { amount }\n    taxes { category rate base { amount } amount { amount } }\n    taxTotal { amount }\n    total { amount currency }\n    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }\n  }\n": types.PricingTotalsFieldsFragmentDoc,
    "\n  mutation PricingAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n": types.PricingAddToCartDocument,
    "\n  mutation PricingApplyCode($code: String!) {\n    applyDiscountCode(code: $code) { id discountCodes lines { quantity } totals { ...PricingTotalsFields } }\n  }\n": types.PricingApplyCodeDocument,
    "\n  mutation PricingRemoveCode($code: String!) {\n    removeDiscountCode(code: $code) { discountCodes totals { total { amount } } }\n  }\n": types.PricingRemoveCodeDocument,
    "\n  query PricingCart {\n    cart { id lines { quantity } discountCodes totals { ...PricingTotalsFields } }\n  }\n": types.PricingCartDocument,
    "\n  query PricingProduct($id: ID!) {\n    product(id: $id) { id price { amount } salePrice { amount currency } promotions { name kind value } }\n  }\n": types.PricingProductDocument,
    "\n  mutation PricingPlaceFromCart($expectedTotal: Int, $idempotencyKey: String) {\n    placeOrderFromCart(expectedTotal: $expectedTotal, idempotencyKey: $idempotencyKey) { id status total { amount currency } totals { ...PricingTotalsFields } payment { amount { amount } } }\n  }\n": types.PricingPlaceFromCartDocument,
    "\n  query PricingOrder($id: ID!) {\n    order(id: $id) { id status total { amount } totals { ...PricingTotalsFields } }\n  }\n": types.PricingOrderDocument,
    "\n  mutation PricingCancel($id: ID!) {\n    cancelOrder(id: $id) { status }\n  }\n": types.PricingCancelDocument,
    "\n  query ProductPage($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      price { amount }\n      stock { available }\n      rating { average count distribution { rating count } }\n      reviews(first: 5) { totalCount edges { node { title rating } } }\n      frequentlyBoughtTogether(first: 3) { id }\n      customersAlsoViewed(first: 3) { id }\n      salePrice { amount }\n      promotions { name }\n    }\n  }\n": types.ProductPageDocument,
    "\n  mutation ProductPageWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) { id status }\n  }\n": types.ProductPageWriteReviewDocument,
    "\n  mutation ProductPageHideReview($id: ID!, $reason: String!) {\n    hideReview(id: $id, reason: $reason) { status }\n  }\n": types.ProductPageHideReviewDocument,
    "\n  query ProductPageRecommendations {\n    me { recommendedProducts(first: 3) { id } }\n    trendingProducts(first: 50) { id }\n  }\n": types.ProductPageRecommendationsDocument,
    "\n  mutation RecommendationsCreateCategory($name: String!) {\n    createCategory(input: { name: $name }) { id }\n  }\n": types.RecommendationsCreateCategoryDocument,
    "\n  mutation RecommendationsArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id status }\n  }\n": types.RecommendationsArchiveProductDocument,
    "\n  mutation RecommendationsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n": types.RecommendationsSetStockDocument,
    "\n  query RecommendationsBoughtTogether($id: ID!, $first: Int) {\n    product(id: $id) { id frequentlyBoughtTogether(first: $first) { id name } customersAlsoViewed(first: $first) { id } }\n  }\n": types.RecommendationsBoughtTogetherDocument,
    "\n  query RecommendationsTrending($first: Int, $category: ID) {\n    trendingProducts(first: $first, category: $category) { id }\n  }\n": types.RecommendationsTrendingDocument,
    "\n  query RecommendationsForMe($first: Int) {\n    me { id recommendedProducts(first: $first) { id } }\n  }\n": types.RecommendationsForMeDocument,
    "\n  query RecommendationsUpdatedAt {\n    recommendationsUpdatedAt\n  }\n": types.RecommendationsUpdatedAtDocument,
    "\n  mutation RecommendationsRecordView($productId: ID!) {\n    recordProductView(productId: $productId)\n  }\n": types.RecommendationsRecordViewDocument,
    "\n  mutation ReservationsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": types.ReservationsCreateProductDocument,
    "\n  mutation ReservationsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand reserved available }\n  }\n": types.ReservationsSetStockDocument,
    "\n  query ProductNames {\n    products(first: 2) { edges { node { name } } }\n  }\n": types.ProductNamesDocument,
    "\n  query ProductNamesAndStock {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n": types.ProductNamesAndStockDocument,
    "\n  query MeId {\n    me { id }\n  }\n": types.MeIdDocument,
    "\n  query SharedCacheListing { products(first: 50, sort: NAME_ASC) { edges { node { id price { amount } } } } }\n": types.SharedCacheListingDocument,
    "\n  mutation SharedCacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }\n": types.SharedCacheSetPriceDocument,
    "\n  query CachedListing($first: Int) {\n    products(first: $first, sort: NAME_ASC) {\n      totalCount\n      edges { node { id name status price { amount currency } stock { available } } }\n    }\n  }\n": types.CachedListingDocument,
    "\n  query CachedProductPage($id: ID!) {\n    product(id: $id) { name price { amount } stock { available } }\n  }\n": types.CachedProductPageDocument,
    "\n  query CachePersonalDocument { me { id email } }\n": types.CachePersonalDocumentDocument,
    "\n  mutation CacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }\n": types.CacheSetPriceDocument,
    "\n  mutation CacheSetStock($productId: ID!, $onHand: Int!) { setStock(productId: $productId, onHand: $onHand) { available } }\n": types.CacheSetStockDocument,
    "\n  mutation CacheArchive($id: ID!) { archiveProduct(id: $id) { id } }\n": types.CacheArchiveDocument,
    "\n  mutation ReturnsPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }\n  }\n": types.ReturnsPlaceOrderDocument,
    "\n  mutation ReturnsCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!]) {\n    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber trackingUrl }\n  }\n": types.ReturnsCreateShipmentDocument,
    "\n  subscription ReturnsWatchTracking($orderId: ID!) {\n    shipmentTracking(orderId: $orderId) { id status }\n  }\n": types.ReturnsWatchTrackingDocument,
    "\n  fragment ReturnFields on ReturnRequest {\n    id\n    orderId\n    status\n    reason\n    value\n    currency\n    lines { productId quantity }\n    carrier\n    returnTrackingNumber\n    returnTrackingUrl\n    labelFormat\n    labelContent\n    restock\n    refundAmount\n    history { status at actor note }\n  }\n": types.ReturnFieldsFragmentDoc,
    "\n  mutation ReturnsRequest($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {\n    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { ...ReturnFields }\n  }\n": types.ReturnsRequestDocument,
    "\n  mutation ReturnsApprove($id: ID!) {\n    approveReturn(id: $id) { ...ReturnFields }\n  }\n": types.ReturnsApproveDocument,
    "\n  mutation ReturnsRefuse($id: ID!, $note: String!) {\n    refuseReturn(id: $id, note: $note) { ...ReturnFields }\n  }\n": types.ReturnsRefuseDocument,
    "\n  mutation ReturnsReceive($id: ID!, $restock: Boolean!, $refundAmount: Int) {\n    receiveReturn(id: $id, restock: $restock, refundAmount: $refundAmount) { ...ReturnFields }\n  }\n": types.ReturnsReceiveDocument,
    "\n  query ReturnsOfOrder($orderId: ID!) {\n    returns(orderId: $orderId) { ...ReturnFields }\n  }\n": types.ReturnsOfOrderDocument,
    "\n  query ReturnsOrder($id: ID!) {\n    order(id: $id) { id status refunded { amount } total { amount } shipments { status history { status } } returns { status history { status actor } } }\n  }\n": types.ReturnsOrderDocument,
    "\n  subscription ReturnsWatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status shipments { id status trackingNumber history { status } } }\n  }\n": types.ReturnsWatchOrderDocument,
    "\n  fragment ReviewFields on Review {\n    id\n    rating\n    title\n    body\n    media\n    status\n    heldFor\n    helpfulCount\n    reportCount\n    verifiedPurchase\n    reply { body }\n    product { id }\n  }\n": types.ReviewFieldsFragmentDoc,
    "\n  mutation ReviewsWrite($input: WriteReviewInput!) {\n    writeReview(input: $input) { ...ReviewFields }\n  }\n": types.ReviewsWriteDocument,
    "\n  mutation ReviewsEdit($id: ID!, $input: ReviewContentInput!) {\n    editReview(id: $id, input: $input) { ...ReviewFields }\n  }\n": types.ReviewsEditDocument,
    "\n  mutation ReviewsMarkHelpful($id: ID!) {\n    markReviewHelpful(id: $id) { id helpfulCount }\n  }\n": types.ReviewsMarkHelpfulDocument,
    "\n  mutation ReviewsReport($id: ID!, $reason: String!) {\n    reportReview(id: $id, reason: $reason)\n  }\n": types.ReviewsReportDocument,
    "\n  mutation ReviewsApprove($id: ID!) {\n    approveReview(id: $id) { id status }\n  }\n": types.ReviewsApproveDocument,
    "\n  mutation ReviewsHide($id: ID!, $reason: String!) {\n    hideReview(id: $id, reason: $reason) { id status }\n  }\n": types.ReviewsHideDocument,
    "\n  mutation ReviewsRestore($id: ID!) {\n    restoreReview(id: $id) { id status }\n  }\n": types.ReviewsRestoreDocument,
    "\n  mutation ReviewsReply($id: ID!, $body: String!) {\n    replyToReview(id: $id, body: $body) { id reply { body } }\n  }\n": types.ReviewsReplyDocument,
    "\n  query ReviewsOfProduct($id: ID!, $sort: ReviewSort, $first: Int, $after: String) {\n    product(id: $id) {\n      id\n      name\n      rating { productId average count distribution { rating count } }\n      reviews(first: $first, after: $after, sort: $sort) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id rating title helpfulCount } }\n      }\n    }\n  }\n": types.ReviewsOfProductDocument,
    "\n  query ReviewsModerationQueue($status: ReviewStatus) {\n    reviewsToModerate(status: $status, first: 50) { edges { node { id status heldFor reportCount } } }\n  }\n": types.ReviewsModerationQueueDocument,
    "\n  query ReviewsRead($id: ID!) {\n    review(id: $id) { id status }\n  }\n": types.ReviewsReadDocument,
    "\n  subscription ReviewsWatchRating($productId: ID!) {\n    productRatingChanged(productId: $productId) { productId count average distribution { rating count } }\n  }\n": types.ReviewsWatchRatingDocument,
    "\n  query ReviewsAudit($entityId: ID!) {\n    auditLog(first: 20, filter: { entityId: $entityId }) { edges { node { action service actorId reason before after } } }\n  }\n": types.ReviewsAuditDocument,
    "\n  mutation SagaPlaceWithoutPayment($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n": types.SagaPlaceWithoutPaymentDocument,
    "\n  query SagaOrderPayment($id: ID!) {\n    order(id: $id) { payment { id status amount { amount } } }\n  }\n": types.SagaOrderPaymentDocument,
    "\n  mutation SagaCreateCode($input: PromotionInput!) {\n    createPromotion(input: $input) { id }\n  }\n": types.SagaCreateCodeDocument,
    "\n  mutation SecuritySignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken user { id name email } }\n  }\n": types.SecuritySignUpDocument,
    "\n  mutation SecuritySignIn($input: LoginInput!) {\n    login(input: $input) { user { id } }\n  }\n": types.SecuritySignInDocument,
    "\n  mutation SecurityRename($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { name }\n  }\n": types.SecurityRenameDocument,
    "\n  mutation SecurityNewProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id description }\n  }\n": types.SecurityNewProductDocument,
    "\n  query SecuritySearch($search: String!) {\n    products(filter: { search: $search }) { totalCount }\n  }\n": types.SecuritySearchDocument,
    "\n  mutation SecurityOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id }\n  }\n": types.SecurityOrderDocument,
    "\n  subscription SecurityWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n": types.SecurityWatchStockDocument,
    "\n  mutation SecurityCancelSomeOrder($id: ID!) {\n    cancelOrder(id: $id) { id }\n  }\n": types.SecurityCancelSomeOrderDocument,
    "\n  query SecurityProductStock($id: ID!) {\n    product(id: $id) { name stock { available } }\n  }\n": types.SecurityProductStockDocument,
    "\n  mutation SecurityUpsert($input: [UpsertProductInput!]!) {\n    upsertProducts(input: $input) { index status error { code message field } }\n  }\n": types.SecurityUpsertDocument,
    "\n  mutation SecuritySetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand }\n  }\n": types.SecuritySetStockDocument,
    "\n  query SecurityOwnCustomer($id: ID!) {\n    order(id: $id) { id customer { name } payment { status } }\n  }\n": types.SecurityOwnCustomerDocument,
    "\n  mutation ShipVariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n": types.ShipVariantsSetOptionsDocument,
    "\n  mutation ShipVariantsAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku }\n  }\n": types.ShipVariantsAddVariantDocument,
    "\n  mutation ShipVariantsPlace($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id lines { variant { id } sku quantity } }\n  }\n": types.ShipVariantsPlaceDocument,
    "\n  mutation ShipVariantsShip($orderId: ID!, $lines: [ShipmentLineInput!]) {\n    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber lines { productId variantId sku quantity } }\n  }\n": types.ShipVariantsShipDocument,
    "\n  mutation ShipVariantsRequestReturn($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {\n    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { id status value lines { productId variantId sku quantity } }\n  }\n": types.ShipVariantsRequestReturnDocument,
    "\n  mutation ShipVariantsApprove($id: ID!) {\n    approveReturn(id: $id) { id status }\n  }\n": types.ShipVariantsApproveDocument,
    "\n  mutation ShipVariantsReceive($id: ID!, $restock: Boolean!) {\n    receiveReturn(id: $id, restock: $restock) { id status refundAmount lines { variantId quantity } }\n  }\n": types.ShipVariantsReceiveDocument,
    "\n  query ShipVariantsShipments($orderId: ID!) {\n    shipments(orderId: $orderId) { lines { productId variantId sku quantity } }\n  }\n": types.ShipVariantsShipmentsDocument,
    "\n  query ShipVariantsReceipt($orderId: ID!) {\n    receipt(orderId: $orderId) { lines { product { id } variant { id sku } sku optionValues { option value } quantity unitPrice { amount } } }\n  }\n": types.ShipVariantsReceiptDocument,
    "\n  mutation ShippingCreateZone($input: ShippingZoneInput!) {\n    createShippingZone(input: $input) { id name countries regions }\n  }\n": types.ShippingCreateZoneDocument,
    "\n  mutation ShippingAddMethod($zoneId: ID!, $input: ShippingMethodInput!) {\n    addShippingMethod(zoneId: $zoneId, input: $input) { id name kind bands { from to amount } freeOver minDays maxDays active }\n  }\n": types.ShippingAddMethodDocument,
    "\n  mutation ShippingSetMethodActive($id: ID!, $active: Boolean!) {\n    setShippingMethodActive(id: $id, active: $active) { id active }\n  }\n": types.ShippingSetMethodActiveDocument,
    "\n  query ShippingZones {\n    shippingZones { id name countries methods { id name kind active } }\n  }\n": types.ShippingZonesDocument,
    "\n  fragment ShippingOptionFields on ShippingOption {\n    methodId\n    name\n    kind\n    price { amount currency }\n    minDays\n    maxDays\n    pickupLocation\n  }\n": types.ShippingOptionFieldsFragmentDoc,
    "\n  fragment CartShippingFields on Cart {\n    total { amount }\n    shippingAddress { country region city }\n    shippingOptions { ...ShippingOptionFields }\n    shippingMethod { ...ShippingOptionFields }\n  }\n": types.CartShippingFieldsFragmentDoc,
    "\n  mutation ShippingAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { total { amount } }\n  }\n": types.ShippingAddToCartDocument,
    "\n  mutation ShippingSetAddress($address: ShippingAddressInput!) {\n    setCartShippingAddress(address: $address) { ...CartShippingFields }\n  }\n": types.ShippingSetAddressDocument,
    "\n  mutation ShippingChooseMethod($methodId: ID!) {\n    chooseShippingMethod(methodId: $methodId) { ...CartShippingFields }\n  }\n": types.ShippingChooseMethodDocument,
    "\n  mutation ShippingPlaceFromCart {\n    placeOrderFromCart { id status total { amount currency } subtotal { amount } shipping { methodId methodName price { amount } minDays maxDays address { country city } } }\n  }\n": types.ShippingPlaceFromCartDocument,
    "\n  mutation ShippingPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }\n  }\n": types.ShippingPlaceOrderDocument,
    "\n  mutation ShippingCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!], $carrier: String) {\n    createShipment(orderId: $orderId, lines: $lines, carrier: $carrier) { id orderId status carrier trackingNumber trackingUrl labelFormat labelAttempts lines { productId quantity } }\n  }\n": types.ShippingCreateShipmentDocument,
    "\n  query ShippingShipments($orderId: ID!) {\n    shipments(orderId: $orderId) { id status version history { status description } }\n  }\n": types.ShippingShipmentsDocument,
    "\n  subscription ShippingWatchTracking($orderId: ID!) {\n    shipmentTracking(orderId: $orderId) { id status trackingNumber history { status } }\n  }\n": types.ShippingWatchTrackingDocument,
    "\n  subscription ShutdownWatchOrderStatus($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status }\n  }\n": types.ShutdownWatchOrderStatusDocument,
    "\n  mutation SoldOutPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n": types.SoldOutPlaceOrderDocument,
    "\n  mutation FeedUpsert($input: [UpsertProductInput!]!, $dryRun: Boolean) {\n    upsertProducts(input: $input, dryRun: $dryRun) {\n      index\n      sku\n      status\n      product { id sku name price { amount currency } status }\n      errors { code field message }\n    }\n  }\n": types.FeedUpsertDocument,
    "\n  query FeedProductBySku($sku: String, $id: ID) {\n    product(sku: $sku, id: $id) { id sku name price { amount currency } }\n  }\n": types.FeedProductBySkuDocument,
    "\n  mutation FeedSetStockBySku($sku: String!, $onHand: Int!) {\n    setStockBySku(sku: $sku, onHand: $onHand) { productId onHand available }\n  }\n": types.FeedSetStockBySkuDocument,
    "\n  mutation FeedAdjustStockBySku($sku: String!, $delta: Int!, $reason: String!, $key: String) {\n    adjustStockBySku(sku: $sku, delta: $delta, reason: $reason, idempotencyKey: $key) { productId onHand }\n  }\n": types.FeedAdjustStockBySkuDocument,
    "\n  mutation FeedAdjustStock($productId: ID!, $delta: Int!, $key: String) {\n    adjustStock(productId: $productId, delta: $delta, reason: \"delivery\", idempotencyKey: $key) { productId onHand }\n  }\n": types.FeedAdjustStockDocument,
    "\n  mutation FeedSetStockLevels($items: [StockLevelInput!]!) {\n    setStockLevels(items: $items) {\n      index\n      sku\n      status\n      stock { productId onHand }\n      error { code field message }\n    }\n  }\n": types.FeedSetStockLevelsDocument,
    "\n  query FeedLowStock($first: Int, $after: String) {\n    lowStock(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { productId available lowStockThreshold product { sku name } } }\n    }\n  }\n": types.FeedLowStockDocument,
    "\n  query StaffOrders($first: Int, $after: String, $filter: OrderFilter, $sort: OrderSort) {\n    orders(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id status total { amount } customer { id email } lines { product { id sku } } } }\n    }\n  }\n": types.StaffOrdersDocument,
    "\n  query StaffUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email name roles } }\n    }\n  }\n": types.StaffUsersDocument,
    "\n  query StaffUser($id: ID!) {\n    user(id: $id) { id email roles orders(first: 5) { totalCount } }\n  }\n": types.StaffUserDocument,
    "\n  subscription StaffBoard($filter: OrderChangeFilter) {\n    ordersChanged(filter: $filter) { id status total { amount } customer { id email } }\n  }\n": types.StaffBoardDocument,
    "\n  mutation StripePay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n": types.StripePayDocument,
    "\n  subscription WatchOneStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n": types.WatchOneStockDocument,
    "\n  subscription WatchMugStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand }\n  }\n": types.WatchMugStockDocument,
    "\n  subscription WatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      version\n      total { amount }\n      customer { email }\n      lines { quantity product { name stock { available } } }\n    }\n  }\n": types.WatchOrderDocument,
    "\n  subscription WatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand reserved available }\n  }\n": types.WatchStockDocument,
    "\n      subscription WatchProductStock($productIds: [ID!]!) {\n        stockLevelChanged(productIds: $productIds) { onHand ...on StockLevel { available } }\n      }\n    ": types.WatchProductStockDocument,
    "\n      subscription WatchOrderPayment($orderId: ID!) {\n        orderStatusChanged(orderId: $orderId) { id status payment { clientSecret } }\n      }\n    ": types.WatchOrderPaymentDocument,
    "\n  query ProductsPage($first: Int, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id sku name price { amount currency } status stock { productId onHand reserved available lowStock } } }\n    }\n  }\n": types.ProductsPageDocument,
    "\n  query ProductById($id: ID!) {\n    product(id: $id) { id name description price { amount currency } stock { available } }\n  }\n": types.ProductByIdDocument,
    "\n  query Me {\n    me { id email name roles }\n  }\n": types.MeDocument,
    "\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total { amount currency }\n      customer { id email }\n      payment { status provider amount { amount } clientSecret }\n      lines { quantity unitPrice { amount } lineTotal { amount } product { id name stock { available } } }\n    }\n  }\n": types.OrderByIdDocument,
    "\n      query TooDeep {\n        me { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }\n      }\n    ": types.TooDeepDocument,
    "\n  mutation KeysCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { id name }\n  }\n": types.KeysCreateServiceAccountDocument,
    "\n  mutation KeysCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scopes lastUsedAt revokedAt } }\n  }\n": types.KeysCreateApiKeyDocument,
    "\n  mutation KeysRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": types.KeysRevokeApiKeyDocument,
    "\n  query KeysAuditOf($filter: AuditFilter) {\n    auditLog(filter: $filter, first: 50) { edges { node { actorId actorName actorRoles service action entityType entityId reason after } } }\n  }\n": types.KeysAuditOfDocument,
    "\n  mutation MfaStart($password: String!) {\n    startMfaEnrollment(password: $password) { secret otpauthUri qrCodeDataUri }\n  }\n": types.MfaStartDocument,
    "\n  mutation MfaConfirm($code: String!) {\n    confirmMfaEnrollment(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }\n  }\n": types.MfaConfirmDocument,
    "\n  mutation MfaStepUp($code: String!) {\n    stepUpMfa(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }\n  }\n": types.MfaStepUpDocument,
    "\n  mutation MfaVerifyChallenge($challenge: String!, $code: String!) {\n    verifyMfaChallenge(challenge: $challenge, code: $code) { accessToken refreshToken user { id email mfaEnabled recoveryCodesLeft } }\n  }\n": types.MfaVerifyChallengeDocument,
    "\n  mutation MfaLogin($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken }\n  }\n": types.MfaLoginDocument,
    "\n  mutation OrdersSupportCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": types.OrdersSupportCreateProductDocument,
    "\n  mutation OrdersSupportSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n": types.OrdersSupportSetStockDocument,
    "\n  fragment OrderFields on Order {\n    id\n    status\n    version\n    total { amount currency }\n    refunded { amount }\n    lines { quantity unitPrice { amount currency } lineTotal { amount } product { id } }\n    statusHistory { from to actor reason }\n    payment { status amount { amount currency } }\n  }\n": types.OrderFieldsFragmentDoc,
    "\n  mutation OrdersPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { ...OrderFields }\n  }\n": types.OrdersPlaceOrderDocument,
    "\n  query OrdersReadOrder($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n": types.OrdersReadOrderDocument,
    "\n  mutation OrdersConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n": types.OrdersConfirmPaymentDocument,
    "\n  mutation OrdersCancelOrder($id: ID!, $reason: String) {\n    cancelOrder(id: $id, reason: $reason) { ...OrderFields }\n  }\n": types.OrdersCancelOrderDocument,
    "\n  mutation OrdersShipOrder($id: ID!) {\n    shipOrder(id: $id) { ...OrderFields }\n  }\n": types.OrdersShipOrderDocument,
    "\n  mutation ShoppingDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { status }\n  }\n": types.ShoppingDeliverOrderDocument,
    "\n  query TracedProducts {\n    products(first: 1) { edges { node { name stock { available } } } }\n  }\n": types.TracedProductsDocument,
    "\n  query MigrationLamp($id: ID!) {\n    product(id: $id) {\n      sku\n      stock { onHand reserved }\n      variants { id sku title isDefault optionValues { option } price { amount currency } attributes { key value } media { url alt } status stock { onHand reserved } }\n    }\n  }\n": types.MigrationLampDocument,
    "\n  query MigrationOrder($id: ID!) {\n    order(id: $id) { status lines { product { id } variant { id sku } sku quantity } }\n  }\n": types.MigrationOrderDocument,
    "\n  query MigrationCart {\n    cart { lines { product { id } variant { id } quantity unitPrice { amount } } }\n  }\n": types.MigrationCartDocument,
    "\n  mutation MigrationPlaceFromCart {\n    placeOrderFromCart { status lines { variant { id } sku quantity } }\n  }\n": types.MigrationPlaceFromCartDocument,
    "\n  mutation VariantsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id variants { id sku title isDefault optionValues { option value } price { amount currency } status } }\n  }\n": types.VariantsCreateProductDocument,
    "\n  mutation VariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {\n    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) {\n      id\n      options { name values }\n      variants { id title optionValues { option value } }\n    }\n  }\n": types.VariantsSetOptionsDocument,
    "\n  mutation VariantsAdd($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku title isDefault optionValues { option value } price { amount currency } status product { id } }\n  }\n": types.VariantsAddDocument,
    "\n  mutation VariantsUpdate($id: ID!, $input: UpdateProductVariantInput!) {\n    updateProductVariant(id: $id, input: $input) { id price { amount } status }\n  }\n": types.VariantsUpdateDocument,
    "\n  mutation VariantsArchive($id: ID!) {\n    archiveProductVariant(id: $id) { id status }\n  }\n": types.VariantsArchiveDocument,
    "\n  mutation VariantsUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id price { amount } }\n  }\n": types.VariantsUpdateProductDocument,
    "\n  query VariantsProductPage($id: ID, $sku: String) {\n    product(id: $id, sku: $sku) {\n      id\n      options { name values }\n      stock { productId variantId onHand reserved available }\n      variants { id sku title optionValues { option value } price { amount } stock { productId variantId onHand reserved available } }\n    }\n  }\n": types.VariantsProductPageDocument,
    "\n  query VariantsBySku($sku: String!) {\n    productVariant(sku: $sku) { id title product { id } }\n  }\n": types.VariantsBySkuDocument,
    "\n  mutation VariantsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId variantId onHand product { id } }\n  }\n": types.VariantsSetStockDocument,
    "\n  mutation VariantsSetStockBySku($sku: String!, $onHand: Int!) {\n    setStockBySku(sku: $sku, onHand: $onHand) { productId variantId onHand }\n  }\n": types.VariantsSetStockBySkuDocument,
    "\n  mutation VariantsAddToCart($productId: ID, $variantId: ID, $quantity: Int!) {\n    addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {\n      lines { product { id } variant { id sku title } quantity unitPrice { amount } available }\n      total { amount }\n    }\n  }\n": types.VariantsAddToCartDocument,
    "\n  mutation VariantsPlaceFromCart {\n    placeOrderFromCart { id status total { amount } lines { product { id } variant { id title } sku optionValues { option value } quantity unitPrice { amount } } }\n  }\n": types.VariantsPlaceFromCartDocument,
    "\n  mutation VariantsPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status lines { product { id } variant { id } sku quantity } }\n  }\n": types.VariantsPlaceOrderDocument,
    "\n  subscription VariantsWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId variantId onHand reserved }\n  }\n": types.VariantsWatchStockDocument,
    "\n  query VariantsAuditLog($filter: AuditFilter) {\n    auditLog(first: 20, filter: $filter) { edges { node { action entityType entityId actorId before after } } }\n  }\n": types.VariantsAuditLogDocument,
    "\n  mutation VariantsWalkWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id }\n  }\n": types.VariantsWalkWarehouseDocument,
    "\n  mutation VariantsWalkSetStockIn($productId: ID!, $onHand: Int!, $warehouseId: ID) {\n    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { productId onHand product { id } }\n  }\n": types.VariantsWalkSetStockInDocument,
    "\n  mutation VariantsWalkTransfer($input: TransferStockInput!) {\n    transferStock(input: $input) { productId quantity stock { warehouse { code } productId onHand } }\n  }\n": types.VariantsWalkTransferDocument,
    "\n  query VariantsWalkStock($id: ID!) {\n    product(id: $id) {\n      stock { onHand reserved }\n      stockByWarehouse { warehouse { code } productId variant { id } product { id } onHand reserved }\n      variants { id stock { onHand reserved } stockByWarehouse { warehouse { code } product { id } onHand reserved } }\n    }\n  }\n": types.VariantsWalkStockDocument,
    "\n  mutation VariantsWalkPriceRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id }\n  }\n": types.VariantsWalkPriceRuleDocument,
    "\n  mutation VariantsWalkPromotion($input: PromotionInput!) {\n    createPromotion(input: $input) { id }\n  }\n": types.VariantsWalkPromotionDocument,
    "\n  fragment VariantsWalkTotals on Totals {\n    pricesIncludeTax\n    subtotal { amount currency }\n    discounts { source code amount { amount } }\n    discountTotal { amount }\n    taxes { category rate base { amount } amount { amount } }\n    taxTotal { amount }\n    total { amount currency }\n    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }\n  }\n": types.VariantsWalkTotalsFragmentDoc,
    "\n  mutation VariantsWalkApplyCode($code: String!) {\n    applyDiscountCode(code: $code) { totals { ...VariantsWalkTotals } }\n  }\n": types.VariantsWalkApplyCodeDocument,
    "\n  mutation VariantsWalkPlace($expectedTotal: Int) {\n    placeOrderFromCart(expectedTotal: $expectedTotal) { id status total { amount } lines { variant { id } quantity unitPrice { amount } } totals { ...VariantsWalkTotals } payment { amount { amount } } }\n  }\n": types.VariantsWalkPlaceDocument,
    "\n  query VariantsWalkOrder($id: ID!) {\n    order(id: $id) { status total { amount } totals { ...VariantsWalkTotals } }\n  }\n": types.VariantsWalkOrderDocument,
    "\n  mutation WarehousesCreate($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id code name country region city priority active }\n  }\n": types.WarehousesCreateDocument,
    "\n  mutation WarehousesUpdate($id: ID!, $input: UpdateWarehouseInput!) {\n    updateWarehouse(id: $id, input: $input) { id active priority }\n  }\n": types.WarehousesUpdateDocument,
    "\n  query WarehousesList {\n    warehouses { id code priority active }\n  }\n": types.WarehousesListDocument,
    "\n  mutation WarehousesSetStock($productId: ID!, $onHand: Int!, $warehouseId: ID) {\n    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { onHand reserved available }\n  }\n": types.WarehousesSetStockDocument,
    "\n  query WarehousesProductStock($id: ID!) {\n    product(id: $id) {\n      stock { onHand reserved available }\n      stockByWarehouse { warehouse { code } onHand reserved available lowStock lowStockThreshold }\n    }\n  }\n": types.WarehousesProductStockDocument,
    "\n  mutation WarehousesTransfer($input: TransferStockInput!) {\n    transferStock(input: $input) { id productId fromWarehouseId toWarehouseId quantity reason stock { warehouse { code } onHand reserved } }\n  }\n": types.WarehousesTransferDocument,
    "\n  query WarehousesLowStock($warehouseId: ID!) {\n    warehouseLowStock(warehouseId: $warehouseId, first: 100) { totalCount edges { node { productId available lowStockThreshold product { id } } } }\n  }\n": types.WarehousesLowStockDocument,
    "\n  mutation WarehousesSetThreshold($warehouseId: ID!, $productId: ID!, $threshold: Int!) {\n    setWarehouseLowStockThreshold(warehouseId: $warehouseId, productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }\n  }\n": types.WarehousesSetThresholdDocument,
    "\n  query WarehousesMovements($productId: ID!) {\n    stockMovements(productId: $productId, first: 50) { edges { node { kind warehouseId onHandDelta reservedDelta onHandAfter reservedAfter warehouseOnHandAfter warehouseReservedAfter orderId } } }\n  }\n": types.WarehousesMovementsDocument,
    "\n  query WarehousesAudit($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) { edges { node { action entityType entityId reason before after } } }\n  }\n": types.WarehousesAuditDocument,
    "\n  query WebStripeOrder($id: ID!) {\n    order(id: $id) { status payment { status provider } statusHistory { to } }\n  }\n": types.WebStripeOrderDocument,
    "\n  query WebOrder($id: ID!) {\n    order(id: $id) { payment { status } statusHistory { to } }\n  }\n": types.WebOrderDocument,
    "\n  query WebProductBySku($sku: String!) {\n    product(sku: $sku) { id name status }\n  }\n": types.WebProductBySkuDocument,
    "\n  mutation WebCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n": types.WebCreateProductDocument,
    "\n  mutation WebSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n": types.WebSetOptionsDocument,
    "\n  mutation WebAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id }\n  }\n": types.WebAddVariantDocument,
    "\n  mutation HooksRegister($input: RegisterWebhookEndpointInput!) {\n    registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes } }\n  }\n": types.HooksRegisterDocument,
    "\n  mutation HooksRemove($id: ID!) {\n    removeWebhookEndpoint(id: $id) { id removedAt }\n  }\n": types.HooksRemoveDocument,
    "\n  query HooksDeliveries($filter: WebhookDeliveryFilter) {\n    webhookDeliveries(filter: $filter, first: 100) { edges { node { id eventId eventType status attempts lastStatusCode lastError deliveredAt } } }\n  }\n": types.HooksDeliveriesDocument,
    "\n  mutation HooksRedeliver($id: ID!) {\n    redeliverWebhook(id: $id) { id status }\n  }\n": types.HooksRedeliverDocument,
    "\n  mutation HooksRename($id: ID!, $name: String!) {\n    updateProduct(id: $id, input: { name: $name }) { id name }\n  }\n": types.HooksRenameDocument,
    "\n  mutation HooksSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand }\n  }\n": types.HooksSetStockDocument,
    "\n  mutation HooksThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) { lowStockThreshold }\n  }\n": types.HooksThresholdDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ClientSession on AuthPayload {\n  accessToken\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation ClientRegister($input: RegisterInput!) {\n  register(input: $input) {\n    ...ClientSession\n  }\n}\n\nmutation ClientLogin($input: LoginInput!) {\n  login(input: $input) {\n    ...ClientSession\n  }\n}\n\nmutation ClientRefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...ClientSession\n  }\n}\n\nmutation ClientLogout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery ClientMe {\n  me {\n    id\n    email\n    name\n    roles\n  }\n}"): (typeof documents)["fragment ClientSession on AuthPayload {\n  accessToken\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation ClientRegister($input: RegisterInput!) {\n  register(input: $input) {\n    ...ClientSession\n  }\n}\n\nmutation ClientLogin($input: LoginInput!) {\n  login(input: $input) {\n    ...ClientSession\n  }\n}\n\nmutation ClientRefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...ClientSession\n  }\n}\n\nmutation ClientLogout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery ClientMe {\n  me {\n    id\n    email\n    name\n    roles\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleSetStockLevels($items: [StockLevelInput!]!) {\n  setStockLevels(items: $items) {\n    index\n    sku\n    status\n    stock {\n      productId\n      onHand\n      reserved\n      available\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"): (typeof documents)["mutation ConsoleSetStockLevels($items: [StockLevelInput!]!) {\n  setStockLevels(items: $items) {\n    index\n    sku\n    status\n    stock {\n      productId\n      onHand\n      reserved\n      available\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClientNode($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Product {\n      name\n      price {\n        amount\n        currency\n      }\n    }\n    ... on Order {\n      orderStatus: status\n      total {\n        amount\n        currency\n      }\n    }\n  }\n}\n\nquery ClientNodes($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    __typename\n    id\n  }\n}"): (typeof documents)["query ClientNode($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Product {\n      name\n      price {\n        amount\n        currency\n      }\n    }\n    ... on Order {\n      orderStatus: status\n      total {\n        amount\n        currency\n      }\n    }\n  }\n}\n\nquery ClientNodes($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    __typename\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StorefrontOrderFields on Order {\n  id\n  status\n  version\n  total {\n    amount\n    currency\n  }\n  lines {\n    quantity\n    unitPrice {\n      amount\n      currency\n    }\n    lineTotal {\n      amount\n      currency\n    }\n    product {\n      id\n      name\n    }\n  }\n  payment {\n    status\n    clientSecret\n  }\n  createdAt\n}\n\nmutation StorefrontPlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...StorefrontOrderFields\n  }\n}\n\nmutation StorefrontConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n  confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n    id\n    status\n  }\n}\n\nquery StorefrontOrder($id: ID!) {\n  order(id: $id) {\n    ...StorefrontOrderFields\n  }\n}\n\nquery StorefrontOrderHistory($first: Int, $after: String, $last: Int, $before: String) {\n  me {\n    id\n    orders(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...StorefrontOrderFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}\n\nsubscription StorefrontOrderStatus($orderId: ID!) {\n  orderStatusChanged(orderId: $orderId) {\n    ...StorefrontOrderFields\n  }\n}"): (typeof documents)["fragment StorefrontOrderFields on Order {\n  id\n  status\n  version\n  total {\n    amount\n    currency\n  }\n  lines {\n    quantity\n    unitPrice {\n      amount\n      currency\n    }\n    lineTotal {\n      amount\n      currency\n    }\n    product {\n      id\n      name\n    }\n  }\n  payment {\n    status\n    clientSecret\n  }\n  createdAt\n}\n\nmutation StorefrontPlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...StorefrontOrderFields\n  }\n}\n\nmutation StorefrontConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n  confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n    id\n    status\n  }\n}\n\nquery StorefrontOrder($id: ID!) {\n  order(id: $id) {\n    ...StorefrontOrderFields\n  }\n}\n\nquery StorefrontOrderHistory($first: Int, $after: String, $last: Int, $before: String) {\n  me {\n    id\n    orders(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...StorefrontOrderFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}\n\nsubscription StorefrontOrderStatus($orderId: ID!) {\n  orderStatusChanged(orderId: $orderId) {\n    ...StorefrontOrderFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StorefrontProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {\n  products(\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n    filter: $filter\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nquery StorefrontProduct($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    description\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n    }\n  }\n}\n\nsubscription StorefrontStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    productId\n    available\n  }\n}"): (typeof documents)["query StorefrontProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {\n  products(\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n    filter: $filter\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}\n\nquery StorefrontProduct($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    description\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n    }\n  }\n}\n\nsubscription StorefrontStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    productId\n    available\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ConsoleStockFields on StockLevel {\n  productId\n  onHand\n  reserved\n  available\n  lowStockThreshold\n  lowStock\n  version\n}\n\nfragment ConsoleProductFields on Product {\n  id\n  sku\n  name\n  status\n  price {\n    amount\n    currency\n  }\n  stock {\n    ...ConsoleStockFields\n  }\n  variants {\n    status\n  }\n}\n\nquery ConsoleProducts($filter: ProductFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        ...ConsoleProductFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleCreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...ConsoleProductFields\n  }\n}\n\nmutation ConsoleUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...ConsoleProductFields\n  }\n}\n\nmutation ConsoleArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    ...ConsoleProductFields\n  }\n}\n\nquery ConsoleProductVariants($id: ID!) {\n  product(id: $id) {\n    variants {\n      id\n      sku\n      title\n      status\n      price {\n        amount\n        currency\n      }\n      stock {\n        available\n        onHand\n      }\n    }\n  }\n}\n\nmutation ConsoleSetStock($sku: String!, $onHand: Int!) {\n  setStockBySku(sku: $sku, onHand: $onHand) {\n    ...ConsoleStockFields\n  }\n}\n\nmutation ConsoleAdjustStock($sku: String!, $delta: Int!, $reason: String!, $key: String) {\n  adjustStockBySku(\n    sku: $sku\n    delta: $delta\n    reason: $reason\n    idempotencyKey: $key\n  ) {\n    ...ConsoleStockFields\n  }\n}\n\nquery ConsoleLowStock {\n  lowStock(first: 50) {\n    edges {\n      node {\n        ...ConsoleStockFields\n        product {\n          sku\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nfragment ConsoleOrderFields on Order {\n  id\n  status\n  version\n  createdAt\n  total {\n    amount\n    currency\n  }\n  customer {\n    email\n    name\n  }\n  lines {\n    quantity\n    product {\n      name\n    }\n  }\n}\n\nquery ConsoleOrders($filter: OrderFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  orders(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        ...ConsoleOrderFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleShipOrder($id: ID!) {\n  shipOrder(id: $id) {\n    ...ConsoleOrderFields\n  }\n}\n\nmutation ConsoleDeliverOrder($id: ID!) {\n  deliverOrder(id: $id) {\n    ...ConsoleOrderFields\n  }\n}\n\nsubscription ConsoleOrdersChanged($filter: OrderChangeFilter) {\n  ordersChanged(filter: $filter) {\n    ...ConsoleOrderFields\n  }\n}\n\nquery ConsoleAudit($filter: AuditFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  auditLog(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        id\n        at\n        actorId\n        actorName\n        service\n        action\n        entityType\n        entityId\n        reason\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleVerifyMfa($challenge: String!, $code: String!) {\n  verifyMfaChallenge(challenge: $challenge, code: $code) {\n    ...ClientSession\n  }\n}"): (typeof documents)["fragment ConsoleStockFields on StockLevel {\n  productId\n  onHand\n  reserved\n  available\n  lowStockThreshold\n  lowStock\n  version\n}\n\nfragment ConsoleProductFields on Product {\n  id\n  sku\n  name\n  status\n  price {\n    amount\n    currency\n  }\n  stock {\n    ...ConsoleStockFields\n  }\n  variants {\n    status\n  }\n}\n\nquery ConsoleProducts($filter: ProductFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        ...ConsoleProductFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleCreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...ConsoleProductFields\n  }\n}\n\nmutation ConsoleUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...ConsoleProductFields\n  }\n}\n\nmutation ConsoleArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    ...ConsoleProductFields\n  }\n}\n\nquery ConsoleProductVariants($id: ID!) {\n  product(id: $id) {\n    variants {\n      id\n      sku\n      title\n      status\n      price {\n        amount\n        currency\n      }\n      stock {\n        available\n        onHand\n      }\n    }\n  }\n}\n\nmutation ConsoleSetStock($sku: String!, $onHand: Int!) {\n  setStockBySku(sku: $sku, onHand: $onHand) {\n    ...ConsoleStockFields\n  }\n}\n\nmutation ConsoleAdjustStock($sku: String!, $delta: Int!, $reason: String!, $key: String) {\n  adjustStockBySku(\n    sku: $sku\n    delta: $delta\n    reason: $reason\n    idempotencyKey: $key\n  ) {\n    ...ConsoleStockFields\n  }\n}\n\nquery ConsoleLowStock {\n  lowStock(first: 50) {\n    edges {\n      node {\n        ...ConsoleStockFields\n        product {\n          sku\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nfragment ConsoleOrderFields on Order {\n  id\n  status\n  version\n  createdAt\n  total {\n    amount\n    currency\n  }\n  customer {\n    email\n    name\n  }\n  lines {\n    quantity\n    product {\n      name\n    }\n  }\n}\n\nquery ConsoleOrders($filter: OrderFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  orders(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        ...ConsoleOrderFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleShipOrder($id: ID!) {\n  shipOrder(id: $id) {\n    ...ConsoleOrderFields\n  }\n}\n\nmutation ConsoleDeliverOrder($id: ID!) {\n  deliverOrder(id: $id) {\n    ...ConsoleOrderFields\n  }\n}\n\nsubscription ConsoleOrdersChanged($filter: OrderChangeFilter) {\n  ordersChanged(filter: $filter) {\n    ...ConsoleOrderFields\n  }\n}\n\nquery ConsoleAudit($filter: AuditFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  auditLog(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      node {\n        id\n        at\n        actorId\n        actorName\n        service\n        action\n        entityType\n        entityId\n        reason\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nmutation ConsoleVerifyMfa($challenge: String!, $code: String!) {\n  verifyMfaChallenge(challenge: $challenge, code: $code) {\n    ...ClientSession\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StoreStockLevel on StockLevel {\n  productId\n  variantId\n  available\n  version\n}\n\nfragment StoreProductFields on Product {\n  id\n  sku\n  name\n  description\n  price {\n    amount\n    currency\n  }\n  stock {\n    ...StoreStockLevel\n  }\n}\n\nquery StoreCategories {\n  categories {\n    id\n    name\n  }\n}\n\nquery StoreProducts($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    filter: $filter\n    sort: $sort\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      cursor\n      node {\n        ...StoreProductFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nquery StoreProduct($id: ID!) {\n  product(id: $id) {\n    ...StoreProductFields\n    options {\n      name\n      values\n    }\n    variants {\n      id\n      sku\n      title\n      optionValues {\n        option\n        value\n      }\n      price {\n        amount\n        currency\n      }\n      stock {\n        ...StoreStockLevel\n      }\n    }\n  }\n}\n\nquery StoreVariantStock($id: ID!) {\n  productVariant(id: $id) {\n    stock {\n      ...StoreStockLevel\n    }\n  }\n}\n\nsubscription StoreStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    ...StoreStockLevel\n  }\n}\n\nfragment StoreCartFields on Cart {\n  lines {\n    variant {\n      id\n      title\n      isDefault\n    }\n    quantity\n    available\n    lineTotal {\n      amount\n      currency\n    }\n    product {\n      ...StoreProductFields\n    }\n  }\n  total {\n    amount\n    currency\n  }\n}\n\nquery StoreCart {\n  cart {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreAddToCart($productId: ID!, $variantId: ID, $quantity: Int!) {\n  addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreUpdateCartLine($productId: ID!, $quantity: Int!) {\n  updateCartLine(productId: $productId, quantity: $quantity) {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreRemoveFromCart($productId: ID!) {\n  removeFromCart(productId: $productId) {\n    ...StoreCartFields\n  }\n}\n\nfragment StoreWishlistItem on WishlistItem {\n  addedAt\n  product {\n    ...StoreProductFields\n  }\n}\n\nquery StoreWishlist {\n  wishlist {\n    ...StoreWishlistItem\n  }\n}\n\nmutation StoreAddToWishlist($productId: ID!) {\n  addToWishlist(productId: $productId) {\n    ...StoreWishlistItem\n  }\n}\n\nmutation StoreRemoveFromWishlist($productId: ID!) {\n  removeFromWishlist(productId: $productId) {\n    ...StoreWishlistItem\n  }\n}\n\nfragment StoreOrderFields on Order {\n  id\n  status\n  version\n  createdAt\n  total {\n    amount\n    currency\n  }\n  lines {\n    quantity\n    lineTotal {\n      amount\n      currency\n    }\n    sku\n    optionValues {\n      option\n      value\n    }\n    product {\n      id\n      name\n    }\n  }\n  payment {\n    status\n    statusReason\n  }\n  statusHistory {\n    to\n    at\n    reason\n  }\n}\n\nmutation StorePlaceOrder($key: String) {\n  placeOrderFromCart(idempotencyKey: $key) {\n    ...StoreOrderFields\n  }\n}\n\nquery StoreOrder($id: ID!) {\n  order(id: $id) {\n    ...StoreOrderFields\n  }\n}\n\nquery StoreOrderClientSecret($id: ID!) {\n  order(id: $id) {\n    payment {\n      clientSecret\n    }\n  }\n}\n\nmutation StorePay($orderId: ID!, $paymentMethod: String!) {\n  confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n    status\n    statusReason\n  }\n}\n\nquery StoreOrderHistory($first: Int, $after: String, $last: Int, $before: String) {\n  me {\n    orders(first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        node {\n          ...StoreOrderFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}\n\nsubscription StoreOrderStatus($orderId: ID!) {\n  orderStatusChanged(orderId: $orderId) {\n    ...StoreOrderFields\n  }\n}"): (typeof documents)["fragment StoreStockLevel on StockLevel {\n  productId\n  variantId\n  available\n  version\n}\n\nfragment StoreProductFields on Product {\n  id\n  sku\n  name\n  description\n  price {\n    amount\n    currency\n  }\n  stock {\n    ...StoreStockLevel\n  }\n}\n\nquery StoreCategories {\n  categories {\n    id\n    name\n  }\n}\n\nquery StoreProducts($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    filter: $filter\n    sort: $sort\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    edges {\n      cursor\n      node {\n        ...StoreProductFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    totalCount\n  }\n}\n\nquery StoreProduct($id: ID!) {\n  product(id: $id) {\n    ...StoreProductFields\n    options {\n      name\n      values\n    }\n    variants {\n      id\n      sku\n      title\n      optionValues {\n        option\n        value\n      }\n      price {\n        amount\n        currency\n      }\n      stock {\n        ...StoreStockLevel\n      }\n    }\n  }\n}\n\nquery StoreVariantStock($id: ID!) {\n  productVariant(id: $id) {\n    stock {\n      ...StoreStockLevel\n    }\n  }\n}\n\nsubscription StoreStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    ...StoreStockLevel\n  }\n}\n\nfragment StoreCartFields on Cart {\n  lines {\n    variant {\n      id\n      title\n      isDefault\n    }\n    quantity\n    available\n    lineTotal {\n      amount\n      currency\n    }\n    product {\n      ...StoreProductFields\n    }\n  }\n  total {\n    amount\n    currency\n  }\n}\n\nquery StoreCart {\n  cart {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreAddToCart($productId: ID!, $variantId: ID, $quantity: Int!) {\n  addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreUpdateCartLine($productId: ID!, $quantity: Int!) {\n  updateCartLine(productId: $productId, quantity: $quantity) {\n    ...StoreCartFields\n  }\n}\n\nmutation StoreRemoveFromCart($productId: ID!) {\n  removeFromCart(productId: $productId) {\n    ...StoreCartFields\n  }\n}\n\nfragment StoreWishlistItem on WishlistItem {\n  addedAt\n  product {\n    ...StoreProductFields\n  }\n}\n\nquery StoreWishlist {\n  wishlist {\n    ...StoreWishlistItem\n  }\n}\n\nmutation StoreAddToWishlist($productId: ID!) {\n  addToWishlist(productId: $productId) {\n    ...StoreWishlistItem\n  }\n}\n\nmutation StoreRemoveFromWishlist($productId: ID!) {\n  removeFromWishlist(productId: $productId) {\n    ...StoreWishlistItem\n  }\n}\n\nfragment StoreOrderFields on Order {\n  id\n  status\n  version\n  createdAt\n  total {\n    amount\n    currency\n  }\n  lines {\n    quantity\n    lineTotal {\n      amount\n      currency\n    }\n    sku\n    optionValues {\n      option\n      value\n    }\n    product {\n      id\n      name\n    }\n  }\n  payment {\n    status\n    statusReason\n  }\n  statusHistory {\n    to\n    at\n    reason\n  }\n}\n\nmutation StorePlaceOrder($key: String) {\n  placeOrderFromCart(idempotencyKey: $key) {\n    ...StoreOrderFields\n  }\n}\n\nquery StoreOrder($id: ID!) {\n  order(id: $id) {\n    ...StoreOrderFields\n  }\n}\n\nquery StoreOrderClientSecret($id: ID!) {\n  order(id: $id) {\n    payment {\n      clientSecret\n    }\n  }\n}\n\nmutation StorePay($orderId: ID!, $paymentMethod: String!) {\n  confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n    status\n    statusReason\n  }\n}\n\nquery StoreOrderHistory($first: Int, $after: String, $last: Int, $before: String) {\n  me {\n    orders(first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        node {\n          ...StoreOrderFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}\n\nsubscription StoreOrderStatus($orderId: ID!) {\n  orderStatusChanged(orderId: $orderId) {\n    ...StoreOrderFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountSignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email } }\n  }\n"): (typeof documents)["\n  mutation AccountSignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountSignIn($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken user { id roles } }\n  }\n"): (typeof documents)["\n  mutation AccountSignIn($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken user { id roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountRenew($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken user { roles } }\n  }\n"): (typeof documents)["\n  mutation AccountRenew($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken user { roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id email roles }\n  }\n"): (typeof documents)["\n  mutation AccountGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id email roles }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountCustomerOrder($id: ID!) {\n    order(id: $id) { id payment { clientSecret } customer { id email } }\n  }\n"): (typeof documents)["\n  query AccountCustomerOrder($id: ID!) {\n    order(id: $id) { id payment { clientSecret } customer { id email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountMyOrderCount {\n    me { orders { totalCount } }\n  }\n"): (typeof documents)["\n  query AccountMyOrderCount {\n    me { orders { totalCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountCustomerPrivateFields($id: ID!) {\n    order(id: $id) { customer { email phone roles addresses { city } defaultShippingAddress { city } } }\n  }\n"): (typeof documents)["\n  query AccountCustomerPrivateFields($id: ID!) {\n    order(id: $id) { customer { email phone roles addresses { city } defaultShippingAddress { city } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountCustomerSessions($id: ID!) {\n    order(id: $id) { customer { sessions { id } } }\n  }\n"): (typeof documents)["\n  query AccountCustomerSessions($id: ID!) {\n    order(id: $id) { customer { sessions { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountCustomerPreferences($id: ID!) {\n    order(id: $id) { customer { preferences { locale } } }\n  }\n"): (typeof documents)["\n  query AccountCustomerPreferences($id: ID!) {\n    order(id: $id) { customer { preferences { locale } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { id name phone preferences { locale currency marketingEmails orderUpdates } }\n  }\n"): (typeof documents)["\n  mutation AccountUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { id name phone preferences { locale currency marketingEmails orderUpdates } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountMyAddresses {\n    me { addresses { id label recipient line1 line2 postalCode city region country phone } defaultShippingAddress { id } }\n  }\n"): (typeof documents)["\n  query AccountMyAddresses {\n    me { addresses { id label recipient line1 line2 postalCode city region country phone } defaultShippingAddress { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountAddAddress($input: AddressInput!) {\n    addAddress(input: $input) { id label recipient line1 line2 postalCode city region country phone }\n  }\n"): (typeof documents)["\n  mutation AccountAddAddress($input: AddressInput!) {\n    addAddress(input: $input) { id label recipient line1 line2 postalCode city region country phone }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountUpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) { id city country }\n  }\n"): (typeof documents)["\n  mutation AccountUpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) { id city country }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n"): (typeof documents)["\n  mutation AccountRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountSetDefaultAddress($id: ID!) {\n    setDefaultShippingAddress(id: $id) { id defaultShippingAddress { id } }\n  }\n"): (typeof documents)["\n  mutation AccountSetDefaultAddress($id: ID!) {\n    setDefaultShippingAddress(id: $id) { id defaultShippingAddress { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountMySessions {\n    me { sessions { id current clientAddress userAgent createdAt lastUsedAt expiresAt } }\n  }\n"): (typeof documents)["\n  query AccountMySessions {\n    me { sessions { id current clientAddress userAgent createdAt lastUsedAt expiresAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation AccountRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation AccountChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysServiceAccounts {\n    serviceAccounts { id name keys { id name prefix scopes lastUsedAt revokedAt } }\n  }\n"): (typeof documents)["\n  query KeysServiceAccounts {\n    serviceAccounts { id name keys { id name prefix scopes lastUsedAt revokedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId onHand }\n  }\n"): (typeof documents)["\n  mutation KeysSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation KeysCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysReadStock($id: ID!) {\n    product(id: $id) { id stock { onHand } }\n  }\n"): (typeof documents)["\n  query KeysReadStock($id: ID!) {\n    product(id: $id) { id stock { onHand } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription KeysStockWatch($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n"): (typeof documents)["\n  subscription KeysStockWatch($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysReadProduct($id: ID!) {\n    product(id: $id) { id name }\n  }\n"): (typeof documents)["\n  query KeysReadProduct($id: ID!) {\n    product(id: $id) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRegister($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      sessionExpiresAt\n      user { id email name roles }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthRegister($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      sessionExpiresAt\n      user { id email name roles }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      user { id email roles sessions { id current } }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      user { id email roles sessions { id current } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRefresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      sessionExpiresAt\n      user { id roles }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthRefresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      sessionExpiresAt\n      user { id roles }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthLogout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation AuthLogout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthWhoAmI {\n    me { id email roles }\n  }\n"): (typeof documents)["\n  query AuthWhoAmI {\n    me { id email roles }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuthStockWatch($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n"): (typeof documents)["\n  subscription AuthStockWatch($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CartFields on Cart {\n    lines { product { id name stock { available } } quantity unitPrice { amount currency } lineTotal { amount } available }\n    total { amount currency }\n  }\n"): (typeof documents)["\n  fragment CartFields on Cart {\n    lines { product { id name stock { available } } quantity unitPrice { amount currency } lineTotal { amount } available }\n    total { amount currency }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CartRead {\n    cart { ...CartFields }\n  }\n"): (typeof documents)["\n  query CartRead {\n    cart { ...CartFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartAdd($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { ...CartFields }\n  }\n"): (typeof documents)["\n  mutation CartAdd($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { ...CartFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartUpdateLine($productId: ID!, $quantity: Int!) {\n    updateCartLine(productId: $productId, quantity: $quantity) { ...CartFields }\n  }\n"): (typeof documents)["\n  mutation CartUpdateLine($productId: ID!, $quantity: Int!) {\n    updateCartLine(productId: $productId, quantity: $quantity) { ...CartFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartRemove($productId: ID!) {\n    removeFromCart(productId: $productId) { ...CartFields }\n  }\n"): (typeof documents)["\n  mutation CartRemove($productId: ID!) {\n    removeFromCart(productId: $productId) { ...CartFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartClear {\n    clearCart { ...CartFields }\n  }\n"): (typeof documents)["\n  mutation CartClear {\n    clearCart { ...CartFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartPlaceOrder($idempotencyKey: String) {\n    placeOrderFromCart(idempotencyKey: $idempotencyKey) { id status total { amount } lines { quantity product { id } } }\n  }\n"): (typeof documents)["\n  mutation CartPlaceOrder($idempotencyKey: String) {\n    placeOrderFromCart(idempotencyKey: $idempotencyKey) { id status total { amount } lines { quantity product { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartUpdatePrice($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CartUpdatePrice($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CartWishlist {\n    wishlist { addedAt product { id name } }\n  }\n"): (typeof documents)["\n  query CartWishlist {\n    wishlist { addedAt product { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartAddToWishlist($productId: ID!) {\n    addToWishlist(productId: $productId) { product { id } }\n  }\n"): (typeof documents)["\n  mutation CartAddToWishlist($productId: ID!) {\n    addToWishlist(productId: $productId) { product { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartRemoveFromWishlist($productId: ID!) {\n    removeFromWishlist(productId: $productId) { product { id } }\n  }\n"): (typeof documents)["\n  mutation CartRemoveFromWishlist($productId: ID!) {\n    removeFromWishlist(productId: $productId) { product { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } lines { unitPrice { amount } variant { id } } }\n  }\n"): (typeof documents)["\n  mutation CopyPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } lines { unitPrice { amount } variant { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CopyUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id }\n  }\n"): (typeof documents)["\n  mutation CopyArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopySetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {\n    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) { id }\n  }\n"): (typeof documents)["\n  mutation CopySetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {\n    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CopyAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyUpdateVariant($id: ID!, $input: UpdateProductVariantInput!) {\n    updateProductVariant(id: $id, input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CopyUpdateVariant($id: ID!, $input: UpdateProductVariantInput!) {\n    updateProductVariant(id: $id, input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n"): (typeof documents)["\n  mutation CopyAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopyCart {\n    cart { lines { unitPrice { amount } available } }\n  }\n"): (typeof documents)["\n  query CopyCart {\n    cart { lines { unitPrice { amount } available } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      sku\n      name\n      description\n      price { amount currency }\n      status\n      categories { id name }\n      attributes { key value }\n      media { url alt position }\n    }\n  }\n"): (typeof documents)["\n  mutation CatalogCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      sku\n      name\n      description\n      price { amount currency }\n      status\n      categories { id name }\n      attributes { key value }\n      media { url alt position }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id name description price { amount currency } status categories { id } attributes { key value } }\n  }\n"): (typeof documents)["\n  mutation CatalogUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id name description price { amount currency } status categories { id } attributes { key value } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation CatalogArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogProductById($id: ID!) {\n    product(id: $id) { id status }\n  }\n"): (typeof documents)["\n  query CatalogProductById($id: ID!) {\n    product(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogListProducts($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id sku name price { amount } status } }\n    }\n  }\n"): (typeof documents)["\n  query CatalogListProducts($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id sku name price { amount } status } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogUpsert($input: [UpsertProductInput!]!) {\n    upsertProducts(input: $input) {\n      index\n      sku\n      status\n      product { id sku name price { amount currency } status }\n      error { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CatalogUpsert($input: [UpsertProductInput!]!) {\n    upsertProducts(input: $input) {\n      index\n      sku\n      status\n      product { id sku name price { amount currency } status }\n      error { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogCategories($parentId: ID) {\n    categories(parentId: $parentId) { id name parentId parent { name } children { name children { name } } }\n  }\n"): (typeof documents)["\n  query CatalogCategories($parentId: ID) {\n    categories(parentId: $parentId) { id name parentId parent { name } children { name children { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) { id name parentId }\n  }\n"): (typeof documents)["\n  mutation CatalogCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) { id name parentId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogUpdateCategory($id: ID!, $input: UpdateCategoryInput!) {\n    updateCategory(id: $id, input: $input) { id name parentId }\n  }\n"): (typeof documents)["\n  mutation CatalogUpdateCategory($id: ID!, $input: UpdateCategoryInput!) {\n    updateCategory(id: $id, input: $input) { id name parentId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogAuditLog($first: Int, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id at actorId actorRoles service action entityType entityId before after } }\n    }\n  }\n"): (typeof documents)["\n  query CatalogAuditLog($first: Int, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id at actorId actorRoles service action entityType entityId before after } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectionsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation ConnectionsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectionsProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, last: $last, before: $before, filter: $filter, sort: NEWEST) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id } }\n    }\n  }\n"): (typeof documents)["\n  query ConnectionsProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, last: $last, before: $before, filter: $filter, sort: NEWEST) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectionsUsers($last: Int, $before: String) {\n    users(last: $last, before: $before) {\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { email } }\n    }\n  }\n"): (typeof documents)["\n  query ConnectionsUsers($last: Int, $before: String) {\n    users(last: $last, before: $before) {\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { email } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlashPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation FlashPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlashConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n"): (typeof documents)["\n  mutation FlashConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdeSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n"): (typeof documents)["\n  mutation IdeSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InventoryCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation InventoryCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InventorySetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId onHand reserved available lowStock lowStockThreshold }\n  }\n"): (typeof documents)["\n  mutation InventorySetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId onHand reserved available lowStock lowStockThreshold }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InventoryAdjustStock($productId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(productId: $productId, delta: $delta, reason: $reason) { onHand reserved available lowStock }\n  }\n"): (typeof documents)["\n  mutation InventoryAdjustStock($productId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(productId: $productId, delta: $delta, reason: $reason) { onHand reserved available lowStock }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InventorySetThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }\n  }\n"): (typeof documents)["\n  mutation InventorySetThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryMovements($productId: ID!, $first: Int, $after: String) {\n    stockMovements(productId: $productId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { kind onHandDelta reservedDelta onHandAfter reservedAfter orderId reason actorId version } }\n    }\n  }\n"): (typeof documents)["\n  query InventoryMovements($productId: ID!, $first: Int, $after: String) {\n    stockMovements(productId: $productId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { kind onHandDelta reservedDelta onHandAfter reservedAfter orderId reason actorId version } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryProductStock($id: ID!) {\n    product(id: $id) { id stock { onHand reserved available lowStock lowStockThreshold } }\n  }\n"): (typeof documents)["\n  query InventoryProductStock($id: ID!) {\n    product(id: $id) { id stock { onHand reserved available lowStock lowStockThreshold } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryAudit($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) {\n      edges { node { action service actorId actorRoles entityType entityId reason before after } }\n    }\n  }\n"): (typeof documents)["\n  query InventoryAudit($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) {\n      edges { node { action service actorId actorRoles entityType entityId reason before after } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LocalPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status total { amount currency } }\n  }\n"): (typeof documents)["\n  mutation LocalPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status total { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LocalOrderTotals($id: ID!) {\n    order(id: $id) { id totals { total { amount } lines { unitPrice { amount } } } }\n  }\n"): (typeof documents)["\n  query LocalOrderTotals($id: ID!) {\n    order(id: $id) { id totals { total { amount } lines { unitPrice { amount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LocalCreateRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation LocalCreateRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LocalAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n"): (typeof documents)["\n  mutation LocalAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LocalPlaceFromCart {\n    placeOrderFromCart { id status }\n  }\n"): (typeof documents)["\n  mutation LocalPlaceFromCart {\n    placeOrderFromCart { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogsMe {\n    me { id }\n  }\n"): (typeof documents)["\n  query LogsMe {\n    me { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogsProducts {\n    products(first: 1) { edges { node { name } } }\n  }\n"): (typeof documents)["\n  query LogsProducts {\n    products(first: 1) { edges { node { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogsLogin($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken }\n  }\n"): (typeof documents)["\n  mutation LogsLogin($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpStockOf($id: ID!) {\n    product(id: $id) { id stock { onHand } }\n  }\n"): (typeof documents)["\n  query McpStockOf($id: ID!) {\n    product(id: $id) { id stock { onHand } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsProducts {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n"): (typeof documents)["\n  query MetricsProducts {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { available }\n  }\n"): (typeof documents)["\n  subscription MetricsWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsSignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email name } }\n  }\n"): (typeof documents)["\n  mutation MetricsSignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaRegister($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email } }\n  }\n"): (typeof documents)["\n  mutation MfaRegister($input: RegisterInput!) {\n    register(input: $input) { accessToken refreshToken user { id email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaRefresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken }\n  }\n"): (typeof documents)["\n  mutation MfaRefresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MfaMine {\n    me { id mfaEnabled recoveryCodesLeft sessions { id current mfaVerified mfaVerifiedAt } }\n  }\n"): (typeof documents)["\n  query MfaMine {\n    me { id mfaEnabled recoveryCodesLeft sessions { id current mfaVerified mfaVerifiedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaRegenerate($code: String!) {\n    regenerateRecoveryCodes(code: $code) { recoveryCodes accessToken }\n  }\n"): (typeof documents)["\n  mutation MfaRegenerate($code: String!) {\n    regenerateRecoveryCodes(code: $code) { recoveryCodes accessToken }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaDisable($password: String!, $code: String!) {\n    disableMfa(password: $password, code: $code)\n  }\n"): (typeof documents)["\n  mutation MfaDisable($password: String!, $code: String!) {\n    disableMfa(password: $password, code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaChangeEmail($input: ChangeEmailInput!) {\n    changeEmail(input: $input) { id email }\n  }\n"): (typeof documents)["\n  mutation MfaChangeEmail($input: ChangeEmailInput!) {\n    changeEmail(input: $input) { id email }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id roles }\n  }\n"): (typeof documents)["\n  mutation MfaGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id roles }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation MfaCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaRefund($id: ID!) {\n    refundOrder(id: $id) { id status refunded { amount } }\n  }\n"): (typeof documents)["\n  mutation MfaRefund($id: ID!) {\n    refundOrder(id: $id) { id status refunded { amount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersWithEverything($first: Int) {\n    me {\n      orders(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            customer { name }\n            payment { status }\n            totals { total { amount } }\n            lines { quantity product { name price { amount } stock { available lowStock } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersWithEverything($first: Int) {\n    me {\n      orders(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            customer { name }\n            payment { status }\n            totals { total { amount } }\n            lines { quantity product { name price { amount } stock { available lowStock } } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPageWithRatingsAndRecommendations($first: Int) {\n    products(first: $first) {\n      edges {\n        node {\n          id\n          name\n          rating { average count distribution { rating count } }\n          frequentlyBoughtTogether(first: 3) { id name price { amount } }\n          customersAlsoViewed(first: 3) { id }\n          salePrice { amount }\n          promotions { name }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductPageWithRatingsAndRecommendations($first: Int) {\n    products(first: $first) {\n      edges {\n        node {\n          id\n          name\n          rating { average count distribution { rating count } }\n          frequentlyBoughtTogether(first: 3) { id name price { amount } }\n          customersAlsoViewed(first: 3) { id }\n          salePrice { amount }\n          promotions { name }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPageWithVariantsAndStock($first: Int) {\n    products(first: $first) {\n      edges { node { id stock { onHand } variants { id sku optionValues { value } price { amount } stock { available } } } }\n    }\n  }\n"): (typeof documents)["\n  query ProductPageWithVariantsAndStock($first: Int) {\n    products(first: $first) {\n      edges { node { id stock { onHand } variants { id sku optionValues { value } price { amount } stock { available } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Product { sku productStatus: status }\n      ... on ProductVariant { sku variantStatus: status product { id } }\n      ... on Category { name }\n      ... on Order { status total { amount } }\n      ... on User { email }\n      ... on Review { rating }\n      ... on Shipment { orderId carrier }\n    }\n  }\n"): (typeof documents)["\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Product { sku productStatus: status }\n      ... on ProductVariant { sku variantStatus: status product { id } }\n      ... on Category { name }\n      ... on Order { status total { amount } }\n      ... on User { email }\n      ... on Review { rating }\n      ... on Shipment { orderId carrier }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) { __typename id }\n  }\n"): (typeof documents)["\n  query NodesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) { __typename id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NodeSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n"): (typeof documents)["\n  mutation NodeSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NodeAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku }\n  }\n"): (typeof documents)["\n  mutation NodeAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NodeArchiveVariant($id: ID!) {\n    archiveProductVariant(id: $id) { id }\n  }\n"): (typeof documents)["\n  mutation NodeArchiveVariant($id: ID!) {\n    archiveProductVariant(id: $id) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NodePlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation NodePlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NodeCreateShipment($orderId: ID!) {\n    createShipment(orderId: $orderId) { id }\n  }\n"): (typeof documents)["\n  mutation NodeCreateShipment($orderId: ID!) {\n    createShipment(orderId: $orderId) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NodeDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { status }\n  }\n"): (typeof documents)["\n  mutation NodeDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NodeWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation NodeWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { ...OrderFields }\n  }\n"): (typeof documents)["\n  mutation OrdersDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersRefundOrder($id: ID!, $amount: Int, $reason: String, $idempotencyKey: String) {\n    refundOrder(id: $id, amount: $amount, reason: $reason, idempotencyKey: $idempotencyKey) { ...OrderFields }\n  }\n"): (typeof documents)["\n  mutation OrdersRefundOrder($id: ID!, $amount: Int, $reason: String, $idempotencyKey: String) {\n    refundOrder(id: $id, amount: $amount, reason: $reason, idempotencyKey: $idempotencyKey) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersMyOrders {\n    me { orders(first: 50) { totalCount edges { node { id status } } } }\n  }\n"): (typeof documents)["\n  query OrdersMyOrders {\n    me { orders(first: 50) { totalCount edges { node { id status } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrdersWatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status version }\n  }\n"): (typeof documents)["\n  subscription OrdersWatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnDemandPlace($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status payment { id status amount { amount currency } provider } }\n  }\n"): (typeof documents)["\n  mutation OnDemandPlace($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status payment { id status amount { amount currency } provider } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnDemandPaymentForm($id: ID!) {\n    order(id: $id) { payment { id status clientSecret } }\n  }\n"): (typeof documents)["\n  query OnDemandPaymentForm($id: ID!) {\n    order(id: $id) { payment { id status clientSecret } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnDemandPay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { id status statusReason }\n  }\n"): (typeof documents)["\n  mutation OnDemandPay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { id status statusReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PaymentsPay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n      id\n      orderId\n      status\n      statusReason\n      provider\n      amount { amount currency }\n      refundedAmount { amount }\n      receipt {\n        number\n        orderId\n        paymentId\n        provider\n        issuedAt\n        total { amount currency }\n        lines { product { id name } quantity unitPrice { amount currency } lineTotal { amount } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PaymentsPay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {\n      id\n      orderId\n      status\n      statusReason\n      provider\n      amount { amount currency }\n      refundedAmount { amount }\n      receipt {\n        number\n        orderId\n        paymentId\n        provider\n        issuedAt\n        total { amount currency }\n        lines { product { id name } quantity unitPrice { amount currency } lineTotal { amount } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PaymentsAuthenticate($orderId: ID!, $approve: Boolean!) {\n    completePaymentAuthentication(orderId: $orderId, approve: $approve) { status statusReason receipt { number } }\n  }\n"): (typeof documents)["\n  mutation PaymentsAuthenticate($orderId: ID!, $approve: Boolean!) {\n    completePaymentAuthentication(orderId: $orderId, approve: $approve) { status statusReason receipt { number } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentsReceipt($orderId: ID!) {\n    receipt(orderId: $orderId) { number total { amount currency } lines { quantity product { id } } }\n  }\n"): (typeof documents)["\n  query PaymentsReceipt($orderId: ID!) {\n    receipt(orderId: $orderId) { number total { amount currency } lines { quantity product { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductCount {\n    products { totalCount }\n  }\n"): (typeof documents)["\n  query ProductCount {\n    products { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PricingCreateRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id kind variantId amount percentOff }\n  }\n"): (typeof documents)["\n  mutation PricingCreateRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id kind variantId amount percentOff }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PricingDeleteRule($id: ID!) {\n    deletePriceRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation PricingDeleteRule($id: ID!) {\n    deletePriceRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PricingCreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) { id code kind value used usageLimit }\n  }\n"): (typeof documents)["\n  mutation PricingCreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) { id code kind value used usageLimit }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PricingPromotions {\n    promotions { id code used }\n  }\n"): (typeof documents)["\n  query PricingPromotions {\n    promotions { id code used }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PricingTotalsFields on Totals {\n    pricesIncludeTax\n    subtotal { amount currency }\n    discounts { source code name amount { amount } }\n    discountTotal { amount }\n    shipping { amount }\n    taxes { category rate base { amount } amount { amount } }\n    taxTotal { amount }\n    total { amount currency }\n    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }\n  }\n"): (typeof documents)["\n  fragment PricingTotalsFields on Totals {\n    pricesIncludeTax\n    subtotal { amount currency }\n    discounts { source code name amount { amount } }\n    discountTotal { amount }\n    shipping { amount }\n    taxes { category rate base { amount } amount { amount } }\n    taxTotal { amount }\n    total { amount currency }\n    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PricingAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n"): (typeof documents)["\n  mutation PricingAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PricingApplyCode($code: String!) {\n    applyDiscountCode(code: $code) { id discountCodes lines { quantity } totals { ...PricingTotalsFields } }\n  }\n"): (typeof documents)["\n  mutation PricingApplyCode($code: String!) {\n    applyDiscountCode(code: $code) { id discountCodes lines { quantity } totals { ...PricingTotalsFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PricingRemoveCode($code: String!) {\n    removeDiscountCode(code: $code) { discountCodes totals { total { amount } } }\n  }\n"): (typeof documents)["\n  mutation PricingRemoveCode($code: String!) {\n    removeDiscountCode(code: $code) { discountCodes totals { total { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PricingCart {\n    cart { id lines { quantity } discountCodes totals { ...PricingTotalsFields } }\n  }\n"): (typeof documents)["\n  query PricingCart {\n    cart { id lines { quantity } discountCodes totals { ...PricingTotalsFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PricingProduct($id: ID!) {\n    product(id: $id) { id price { amount } salePrice { amount currency } promotions { name kind value } }\n  }\n"): (typeof documents)["\n  query PricingProduct($id: ID!) {\n    product(id: $id) { id price { amount } salePrice { amount currency } promotions { name kind value } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PricingPlaceFromCart($expectedTotal: Int, $idempotencyKey: String) {\n    placeOrderFromCart(expectedTotal: $expectedTotal, idempotencyKey: $idempotencyKey) { id status total { amount currency } totals { ...PricingTotalsFields } payment { amount { amount } } }\n  }\n"): (typeof documents)["\n  mutation PricingPlaceFromCart($expectedTotal: Int, $idempotencyKey: String) {\n    placeOrderFromCart(expectedTotal: $expectedTotal, idempotencyKey: $idempotencyKey) { id status total { amount currency } totals { ...PricingTotalsFields } payment { amount { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PricingOrder($id: ID!) {\n    order(id: $id) { id status total { amount } totals { ...PricingTotalsFields } }\n  }\n"): (typeof documents)["\n  query PricingOrder($id: ID!) {\n    order(id: $id) { id status total { amount } totals { ...PricingTotalsFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PricingCancel($id: ID!) {\n    cancelOrder(id: $id) { status }\n  }\n"): (typeof documents)["\n  mutation PricingCancel($id: ID!) {\n    cancelOrder(id: $id) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPage($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      price { amount }\n      stock { available }\n      rating { average count distribution { rating count } }\n      reviews(first: 5) { totalCount edges { node { title rating } } }\n      frequentlyBoughtTogether(first: 3) { id }\n      customersAlsoViewed(first: 3) { id }\n      salePrice { amount }\n      promotions { name }\n    }\n  }\n"): (typeof documents)["\n  query ProductPage($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      price { amount }\n      stock { available }\n      rating { average count distribution { rating count } }\n      reviews(first: 5) { totalCount edges { node { title rating } } }\n      frequentlyBoughtTogether(first: 3) { id }\n      customersAlsoViewed(first: 3) { id }\n      salePrice { amount }\n      promotions { name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProductPageWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation ProductPageWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProductPageHideReview($id: ID!, $reason: String!) {\n    hideReview(id: $id, reason: $reason) { status }\n  }\n"): (typeof documents)["\n  mutation ProductPageHideReview($id: ID!, $reason: String!) {\n    hideReview(id: $id, reason: $reason) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPageRecommendations {\n    me { recommendedProducts(first: 3) { id } }\n    trendingProducts(first: 50) { id }\n  }\n"): (typeof documents)["\n  query ProductPageRecommendations {\n    me { recommendedProducts(first: 3) { id } }\n    trendingProducts(first: 50) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecommendationsCreateCategory($name: String!) {\n    createCategory(input: { name: $name }) { id }\n  }\n"): (typeof documents)["\n  mutation RecommendationsCreateCategory($name: String!) {\n    createCategory(input: { name: $name }) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecommendationsArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation RecommendationsArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecommendationsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n"): (typeof documents)["\n  mutation RecommendationsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecommendationsBoughtTogether($id: ID!, $first: Int) {\n    product(id: $id) { id frequentlyBoughtTogether(first: $first) { id name } customersAlsoViewed(first: $first) { id } }\n  }\n"): (typeof documents)["\n  query RecommendationsBoughtTogether($id: ID!, $first: Int) {\n    product(id: $id) { id frequentlyBoughtTogether(first: $first) { id name } customersAlsoViewed(first: $first) { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecommendationsTrending($first: Int, $category: ID) {\n    trendingProducts(first: $first, category: $category) { id }\n  }\n"): (typeof documents)["\n  query RecommendationsTrending($first: Int, $category: ID) {\n    trendingProducts(first: $first, category: $category) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecommendationsForMe($first: Int) {\n    me { id recommendedProducts(first: $first) { id } }\n  }\n"): (typeof documents)["\n  query RecommendationsForMe($first: Int) {\n    me { id recommendedProducts(first: $first) { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecommendationsUpdatedAt {\n    recommendationsUpdatedAt\n  }\n"): (typeof documents)["\n  query RecommendationsUpdatedAt {\n    recommendationsUpdatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecommendationsRecordView($productId: ID!) {\n    recordProductView(productId: $productId)\n  }\n"): (typeof documents)["\n  mutation RecommendationsRecordView($productId: ID!) {\n    recordProductView(productId: $productId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReservationsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation ReservationsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReservationsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand reserved available }\n  }\n"): (typeof documents)["\n  mutation ReservationsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand reserved available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductNames {\n    products(first: 2) { edges { node { name } } }\n  }\n"): (typeof documents)["\n  query ProductNames {\n    products(first: 2) { edges { node { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductNamesAndStock {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n"): (typeof documents)["\n  query ProductNamesAndStock {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeId {\n    me { id }\n  }\n"): (typeof documents)["\n  query MeId {\n    me { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedCacheListing { products(first: 50, sort: NAME_ASC) { edges { node { id price { amount } } } } }\n"): (typeof documents)["\n  query SharedCacheListing { products(first: 50, sort: NAME_ASC) { edges { node { id price { amount } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SharedCacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }\n"): (typeof documents)["\n  mutation SharedCacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachedListing($first: Int) {\n    products(first: $first, sort: NAME_ASC) {\n      totalCount\n      edges { node { id name status price { amount currency } stock { available } } }\n    }\n  }\n"): (typeof documents)["\n  query CachedListing($first: Int) {\n    products(first: $first, sort: NAME_ASC) {\n      totalCount\n      edges { node { id name status price { amount currency } stock { available } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachedProductPage($id: ID!) {\n    product(id: $id) { name price { amount } stock { available } }\n  }\n"): (typeof documents)["\n  query CachedProductPage($id: ID!) {\n    product(id: $id) { name price { amount } stock { available } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachePersonalDocument { me { id email } }\n"): (typeof documents)["\n  query CachePersonalDocument { me { id email } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }\n"): (typeof documents)["\n  mutation CacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheSetStock($productId: ID!, $onHand: Int!) { setStock(productId: $productId, onHand: $onHand) { available } }\n"): (typeof documents)["\n  mutation CacheSetStock($productId: ID!, $onHand: Int!) { setStock(productId: $productId, onHand: $onHand) { available } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheArchive($id: ID!) { archiveProduct(id: $id) { id } }\n"): (typeof documents)["\n  mutation CacheArchive($id: ID!) { archiveProduct(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }\n  }\n"): (typeof documents)["\n  mutation ReturnsPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!]) {\n    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber trackingUrl }\n  }\n"): (typeof documents)["\n  mutation ReturnsCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!]) {\n    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber trackingUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReturnsWatchTracking($orderId: ID!) {\n    shipmentTracking(orderId: $orderId) { id status }\n  }\n"): (typeof documents)["\n  subscription ReturnsWatchTracking($orderId: ID!) {\n    shipmentTracking(orderId: $orderId) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReturnFields on ReturnRequest {\n    id\n    orderId\n    status\n    reason\n    value\n    currency\n    lines { productId quantity }\n    carrier\n    returnTrackingNumber\n    returnTrackingUrl\n    labelFormat\n    labelContent\n    restock\n    refundAmount\n    history { status at actor note }\n  }\n"): (typeof documents)["\n  fragment ReturnFields on ReturnRequest {\n    id\n    orderId\n    status\n    reason\n    value\n    currency\n    lines { productId quantity }\n    carrier\n    returnTrackingNumber\n    returnTrackingUrl\n    labelFormat\n    labelContent\n    restock\n    refundAmount\n    history { status at actor note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsRequest($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {\n    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { ...ReturnFields }\n  }\n"): (typeof documents)["\n  mutation ReturnsRequest($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {\n    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { ...ReturnFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsApprove($id: ID!) {\n    approveReturn(id: $id) { ...ReturnFields }\n  }\n"): (typeof documents)["\n  mutation ReturnsApprove($id: ID!) {\n    approveReturn(id: $id) { ...ReturnFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsRefuse($id: ID!, $note: String!) {\n    refuseReturn(id: $id, note: $note) { ...ReturnFields }\n  }\n"): (typeof documents)["\n  mutation ReturnsRefuse($id: ID!, $note: String!) {\n    refuseReturn(id: $id, note: $note) { ...ReturnFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsReceive($id: ID!, $restock: Boolean!, $refundAmount: Int) {\n    receiveReturn(id: $id, restock: $restock, refundAmount: $refundAmount) { ...ReturnFields }\n  }\n"): (typeof documents)["\n  mutation ReturnsReceive($id: ID!, $restock: Boolean!, $refundAmount: Int) {\n    receiveReturn(id: $id, restock: $restock, refundAmount: $refundAmount) { ...ReturnFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsOfOrder($orderId: ID!) {\n    returns(orderId: $orderId) { ...ReturnFields }\n  }\n"): (typeof documents)["\n  query ReturnsOfOrder($orderId: ID!) {\n    returns(orderId: $orderId) { ...ReturnFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsOrder($id: ID!) {\n    order(id: $id) { id status refunded { amount } total { amount } shipments { status history { status } } returns { status history { status actor } } }\n  }\n"): (typeof documents)["\n  query ReturnsOrder($id: ID!) {\n    order(id: $id) { id status refunded { amount } total { amount } shipments { status history { status } } returns { status history { status actor } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReturnsWatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status shipments { id status trackingNumber history { status } } }\n  }\n"): (typeof documents)["\n  subscription ReturnsWatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status shipments { id status trackingNumber history { status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewFields on Review {\n    id\n    rating\n    title\n    body\n    media\n    status\n    heldFor\n    helpfulCount\n    reportCount\n    verifiedPurchase\n    reply { body }\n    product { id }\n  }\n"): (typeof documents)["\n  fragment ReviewFields on Review {\n    id\n    rating\n    title\n    body\n    media\n    status\n    heldFor\n    helpfulCount\n    reportCount\n    verifiedPurchase\n    reply { body }\n    product { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewsWrite($input: WriteReviewInput!) {\n    writeReview(input: $input) { ...ReviewFields }\n  }\n"): (typeof documents)["\n  mutation ReviewsWrite($input: WriteReviewInput!) {\n    writeReview(input: $input) { ...ReviewFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewsEdit($id: ID!, $input: ReviewContentInput!) {\n    editReview(id: $id, input: $input) { ...ReviewFields }\n  }\n"): (typeof documents)["\n  mutation ReviewsEdit($id: ID!, $input: ReviewContentInput!) {\n    editReview(id: $id, input: $input) { ...ReviewFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewsMarkHelpful($id: ID!) {\n    markReviewHelpful(id: $id) { id helpfulCount }\n  }\n"): (typeof documents)["\n  mutation ReviewsMarkHelpful($id: ID!) {\n    markReviewHelpful(id: $id) { id helpfulCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewsReport($id: ID!, $reason: String!) {\n    reportReview(id: $id, reason: $reason)\n  }\n"): (typeof documents)["\n  mutation ReviewsReport($id: ID!, $reason: String!) {\n    reportReview(id: $id, reason: $reason)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewsApprove($id: ID!) {\n    approveReview(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation ReviewsApprove($id: ID!) {\n    approveReview(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewsHide($id: ID!, $reason: String!) {\n    hideReview(id: $id, reason: $reason) { id status }\n  }\n"): (typeof documents)["\n  mutation ReviewsHide($id: ID!, $reason: String!) {\n    hideReview(id: $id, reason: $reason) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewsRestore($id: ID!) {\n    restoreReview(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation ReviewsRestore($id: ID!) {\n    restoreReview(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewsReply($id: ID!, $body: String!) {\n    replyToReview(id: $id, body: $body) { id reply { body } }\n  }\n"): (typeof documents)["\n  mutation ReviewsReply($id: ID!, $body: String!) {\n    replyToReview(id: $id, body: $body) { id reply { body } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewsOfProduct($id: ID!, $sort: ReviewSort, $first: Int, $after: String) {\n    product(id: $id) {\n      id\n      name\n      rating { productId average count distribution { rating count } }\n      reviews(first: $first, after: $after, sort: $sort) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id rating title helpfulCount } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewsOfProduct($id: ID!, $sort: ReviewSort, $first: Int, $after: String) {\n    product(id: $id) {\n      id\n      name\n      rating { productId average count distribution { rating count } }\n      reviews(first: $first, after: $after, sort: $sort) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id rating title helpfulCount } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewsModerationQueue($status: ReviewStatus) {\n    reviewsToModerate(status: $status, first: 50) { edges { node { id status heldFor reportCount } } }\n  }\n"): (typeof documents)["\n  query ReviewsModerationQueue($status: ReviewStatus) {\n    reviewsToModerate(status: $status, first: 50) { edges { node { id status heldFor reportCount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewsRead($id: ID!) {\n    review(id: $id) { id status }\n  }\n"): (typeof documents)["\n  query ReviewsRead($id: ID!) {\n    review(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReviewsWatchRating($productId: ID!) {\n    productRatingChanged(productId: $productId) { productId count average distribution { rating count } }\n  }\n"): (typeof documents)["\n  subscription ReviewsWatchRating($productId: ID!) {\n    productRatingChanged(productId: $productId) { productId count average distribution { rating count } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewsAudit($entityId: ID!) {\n    auditLog(first: 20, filter: { entityId: $entityId }) { edges { node { action service actorId reason before after } } }\n  }\n"): (typeof documents)["\n  query ReviewsAudit($entityId: ID!) {\n    auditLog(first: 20, filter: { entityId: $entityId }) { edges { node { action service actorId reason before after } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SagaPlaceWithoutPayment($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation SagaPlaceWithoutPayment($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SagaOrderPayment($id: ID!) {\n    order(id: $id) { payment { id status amount { amount } } }\n  }\n"): (typeof documents)["\n  query SagaOrderPayment($id: ID!) {\n    order(id: $id) { payment { id status amount { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SagaCreateCode($input: PromotionInput!) {\n    createPromotion(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation SagaCreateCode($input: PromotionInput!) {\n    createPromotion(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecuritySignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken user { id name email } }\n  }\n"): (typeof documents)["\n  mutation SecuritySignUp($input: RegisterInput!) {\n    register(input: $input) { accessToken user { id name email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecuritySignIn($input: LoginInput!) {\n    login(input: $input) { user { id } }\n  }\n"): (typeof documents)["\n  mutation SecuritySignIn($input: LoginInput!) {\n    login(input: $input) { user { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecurityRename($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { name }\n  }\n"): (typeof documents)["\n  mutation SecurityRename($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecurityNewProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id description }\n  }\n"): (typeof documents)["\n  mutation SecurityNewProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id description }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecuritySearch($search: String!) {\n    products(filter: { search: $search }) { totalCount }\n  }\n"): (typeof documents)["\n  query SecuritySearch($search: String!) {\n    products(filter: { search: $search }) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecurityOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation SecurityOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SecurityWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n"): (typeof documents)["\n  subscription SecurityWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecurityCancelSomeOrder($id: ID!) {\n    cancelOrder(id: $id) { id }\n  }\n"): (typeof documents)["\n  mutation SecurityCancelSomeOrder($id: ID!) {\n    cancelOrder(id: $id) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityProductStock($id: ID!) {\n    product(id: $id) { name stock { available } }\n  }\n"): (typeof documents)["\n  query SecurityProductStock($id: ID!) {\n    product(id: $id) { name stock { available } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecurityUpsert($input: [UpsertProductInput!]!) {\n    upsertProducts(input: $input) { index status error { code message field } }\n  }\n"): (typeof documents)["\n  mutation SecurityUpsert($input: [UpsertProductInput!]!) {\n    upsertProducts(input: $input) { index status error { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecuritySetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand }\n  }\n"): (typeof documents)["\n  mutation SecuritySetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityOwnCustomer($id: ID!) {\n    order(id: $id) { id customer { name } payment { status } }\n  }\n"): (typeof documents)["\n  query SecurityOwnCustomer($id: ID!) {\n    order(id: $id) { id customer { name } payment { status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipVariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n"): (typeof documents)["\n  mutation ShipVariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipVariantsAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku }\n  }\n"): (typeof documents)["\n  mutation ShipVariantsAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipVariantsPlace($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id lines { variant { id } sku quantity } }\n  }\n"): (typeof documents)["\n  mutation ShipVariantsPlace($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id lines { variant { id } sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipVariantsShip($orderId: ID!, $lines: [ShipmentLineInput!]) {\n    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber lines { productId variantId sku quantity } }\n  }\n"): (typeof documents)["\n  mutation ShipVariantsShip($orderId: ID!, $lines: [ShipmentLineInput!]) {\n    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber lines { productId variantId sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipVariantsRequestReturn($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {\n    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { id status value lines { productId variantId sku quantity } }\n  }\n"): (typeof documents)["\n  mutation ShipVariantsRequestReturn($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {\n    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { id status value lines { productId variantId sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipVariantsApprove($id: ID!) {\n    approveReturn(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation ShipVariantsApprove($id: ID!) {\n    approveReturn(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipVariantsReceive($id: ID!, $restock: Boolean!) {\n    receiveReturn(id: $id, restock: $restock) { id status refundAmount lines { variantId quantity } }\n  }\n"): (typeof documents)["\n  mutation ShipVariantsReceive($id: ID!, $restock: Boolean!) {\n    receiveReturn(id: $id, restock: $restock) { id status refundAmount lines { variantId quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipVariantsShipments($orderId: ID!) {\n    shipments(orderId: $orderId) { lines { productId variantId sku quantity } }\n  }\n"): (typeof documents)["\n  query ShipVariantsShipments($orderId: ID!) {\n    shipments(orderId: $orderId) { lines { productId variantId sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipVariantsReceipt($orderId: ID!) {\n    receipt(orderId: $orderId) { lines { product { id } variant { id sku } sku optionValues { option value } quantity unitPrice { amount } } }\n  }\n"): (typeof documents)["\n  query ShipVariantsReceipt($orderId: ID!) {\n    receipt(orderId: $orderId) { lines { product { id } variant { id sku } sku optionValues { option value } quantity unitPrice { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippingCreateZone($input: ShippingZoneInput!) {\n    createShippingZone(input: $input) { id name countries regions }\n  }\n"): (typeof documents)["\n  mutation ShippingCreateZone($input: ShippingZoneInput!) {\n    createShippingZone(input: $input) { id name countries regions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippingAddMethod($zoneId: ID!, $input: ShippingMethodInput!) {\n    addShippingMethod(zoneId: $zoneId, input: $input) { id name kind bands { from to amount } freeOver minDays maxDays active }\n  }\n"): (typeof documents)["\n  mutation ShippingAddMethod($zoneId: ID!, $input: ShippingMethodInput!) {\n    addShippingMethod(zoneId: $zoneId, input: $input) { id name kind bands { from to amount } freeOver minDays maxDays active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippingSetMethodActive($id: ID!, $active: Boolean!) {\n    setShippingMethodActive(id: $id, active: $active) { id active }\n  }\n"): (typeof documents)["\n  mutation ShippingSetMethodActive($id: ID!, $active: Boolean!) {\n    setShippingMethodActive(id: $id, active: $active) { id active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShippingZones {\n    shippingZones { id name countries methods { id name kind active } }\n  }\n"): (typeof documents)["\n  query ShippingZones {\n    shippingZones { id name countries methods { id name kind active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShippingOptionFields on ShippingOption {\n    methodId\n    name\n    kind\n    price { amount currency }\n    minDays\n    maxDays\n    pickupLocation\n  }\n"): (typeof documents)["\n  fragment ShippingOptionFields on ShippingOption {\n    methodId\n    name\n    kind\n    price { amount currency }\n    minDays\n    maxDays\n    pickupLocation\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CartShippingFields on Cart {\n    total { amount }\n    shippingAddress { country region city }\n    shippingOptions { ...ShippingOptionFields }\n    shippingMethod { ...ShippingOptionFields }\n  }\n"): (typeof documents)["\n  fragment CartShippingFields on Cart {\n    total { amount }\n    shippingAddress { country region city }\n    shippingOptions { ...ShippingOptionFields }\n    shippingMethod { ...ShippingOptionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippingAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { total { amount } }\n  }\n"): (typeof documents)["\n  mutation ShippingAddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) { total { amount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippingSetAddress($address: ShippingAddressInput!) {\n    setCartShippingAddress(address: $address) { ...CartShippingFields }\n  }\n"): (typeof documents)["\n  mutation ShippingSetAddress($address: ShippingAddressInput!) {\n    setCartShippingAddress(address: $address) { ...CartShippingFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippingChooseMethod($methodId: ID!) {\n    chooseShippingMethod(methodId: $methodId) { ...CartShippingFields }\n  }\n"): (typeof documents)["\n  mutation ShippingChooseMethod($methodId: ID!) {\n    chooseShippingMethod(methodId: $methodId) { ...CartShippingFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippingPlaceFromCart {\n    placeOrderFromCart { id status total { amount currency } subtotal { amount } shipping { methodId methodName price { amount } minDays maxDays address { country city } } }\n  }\n"): (typeof documents)["\n  mutation ShippingPlaceFromCart {\n    placeOrderFromCart { id status total { amount currency } subtotal { amount } shipping { methodId methodName price { amount } minDays maxDays address { country city } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippingPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }\n  }\n"): (typeof documents)["\n  mutation ShippingPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShippingCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!], $carrier: String) {\n    createShipment(orderId: $orderId, lines: $lines, carrier: $carrier) { id orderId status carrier trackingNumber trackingUrl labelFormat labelAttempts lines { productId quantity } }\n  }\n"): (typeof documents)["\n  mutation ShippingCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!], $carrier: String) {\n    createShipment(orderId: $orderId, lines: $lines, carrier: $carrier) { id orderId status carrier trackingNumber trackingUrl labelFormat labelAttempts lines { productId quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShippingShipments($orderId: ID!) {\n    shipments(orderId: $orderId) { id status version history { status description } }\n  }\n"): (typeof documents)["\n  query ShippingShipments($orderId: ID!) {\n    shipments(orderId: $orderId) { id status version history { status description } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShippingWatchTracking($orderId: ID!) {\n    shipmentTracking(orderId: $orderId) { id status trackingNumber history { status } }\n  }\n"): (typeof documents)["\n  subscription ShippingWatchTracking($orderId: ID!) {\n    shipmentTracking(orderId: $orderId) { id status trackingNumber history { status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShutdownWatchOrderStatus($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status }\n  }\n"): (typeof documents)["\n  subscription ShutdownWatchOrderStatus($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SoldOutPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation SoldOutPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedUpsert($input: [UpsertProductInput!]!, $dryRun: Boolean) {\n    upsertProducts(input: $input, dryRun: $dryRun) {\n      index\n      sku\n      status\n      product { id sku name price { amount currency } status }\n      errors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation FeedUpsert($input: [UpsertProductInput!]!, $dryRun: Boolean) {\n    upsertProducts(input: $input, dryRun: $dryRun) {\n      index\n      sku\n      status\n      product { id sku name price { amount currency } status }\n      errors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedProductBySku($sku: String, $id: ID) {\n    product(sku: $sku, id: $id) { id sku name price { amount currency } }\n  }\n"): (typeof documents)["\n  query FeedProductBySku($sku: String, $id: ID) {\n    product(sku: $sku, id: $id) { id sku name price { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedSetStockBySku($sku: String!, $onHand: Int!) {\n    setStockBySku(sku: $sku, onHand: $onHand) { productId onHand available }\n  }\n"): (typeof documents)["\n  mutation FeedSetStockBySku($sku: String!, $onHand: Int!) {\n    setStockBySku(sku: $sku, onHand: $onHand) { productId onHand available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedAdjustStockBySku($sku: String!, $delta: Int!, $reason: String!, $key: String) {\n    adjustStockBySku(sku: $sku, delta: $delta, reason: $reason, idempotencyKey: $key) { productId onHand }\n  }\n"): (typeof documents)["\n  mutation FeedAdjustStockBySku($sku: String!, $delta: Int!, $reason: String!, $key: String) {\n    adjustStockBySku(sku: $sku, delta: $delta, reason: $reason, idempotencyKey: $key) { productId onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedAdjustStock($productId: ID!, $delta: Int!, $key: String) {\n    adjustStock(productId: $productId, delta: $delta, reason: \"delivery\", idempotencyKey: $key) { productId onHand }\n  }\n"): (typeof documents)["\n  mutation FeedAdjustStock($productId: ID!, $delta: Int!, $key: String) {\n    adjustStock(productId: $productId, delta: $delta, reason: \"delivery\", idempotencyKey: $key) { productId onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedSetStockLevels($items: [StockLevelInput!]!) {\n    setStockLevels(items: $items) {\n      index\n      sku\n      status\n      stock { productId onHand }\n      error { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation FeedSetStockLevels($items: [StockLevelInput!]!) {\n    setStockLevels(items: $items) {\n      index\n      sku\n      status\n      stock { productId onHand }\n      error { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedLowStock($first: Int, $after: String) {\n    lowStock(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { productId available lowStockThreshold product { sku name } } }\n    }\n  }\n"): (typeof documents)["\n  query FeedLowStock($first: Int, $after: String) {\n    lowStock(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { productId available lowStockThreshold product { sku name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffOrders($first: Int, $after: String, $filter: OrderFilter, $sort: OrderSort) {\n    orders(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id status total { amount } customer { id email } lines { product { id sku } } } }\n    }\n  }\n"): (typeof documents)["\n  query StaffOrders($first: Int, $after: String, $filter: OrderFilter, $sort: OrderSort) {\n    orders(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id status total { amount } customer { id email } lines { product { id sku } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email name roles } }\n    }\n  }\n"): (typeof documents)["\n  query StaffUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email name roles } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUser($id: ID!) {\n    user(id: $id) { id email roles orders(first: 5) { totalCount } }\n  }\n"): (typeof documents)["\n  query StaffUser($id: ID!) {\n    user(id: $id) { id email roles orders(first: 5) { totalCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StaffBoard($filter: OrderChangeFilter) {\n    ordersChanged(filter: $filter) { id status total { amount } customer { id email } }\n  }\n"): (typeof documents)["\n  subscription StaffBoard($filter: OrderChangeFilter) {\n    ordersChanged(filter: $filter) { id status total { amount } customer { id email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StripePay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n"): (typeof documents)["\n  mutation StripePay($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchOneStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n"): (typeof documents)["\n  subscription WatchOneStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchMugStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand }\n  }\n"): (typeof documents)["\n  subscription WatchMugStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      version\n      total { amount }\n      customer { email }\n      lines { quantity product { name stock { available } } }\n    }\n  }\n"): (typeof documents)["\n  subscription WatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      version\n      total { amount }\n      customer { email }\n      lines { quantity product { name stock { available } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand reserved available }\n  }\n"): (typeof documents)["\n  subscription WatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand reserved available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      subscription WatchProductStock($productIds: [ID!]!) {\n        stockLevelChanged(productIds: $productIds) { onHand ...on StockLevel { available } }\n      }\n    "): (typeof documents)["\n      subscription WatchProductStock($productIds: [ID!]!) {\n        stockLevelChanged(productIds: $productIds) { onHand ...on StockLevel { available } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      subscription WatchOrderPayment($orderId: ID!) {\n        orderStatusChanged(orderId: $orderId) { id status payment { clientSecret } }\n      }\n    "): (typeof documents)["\n      subscription WatchOrderPayment($orderId: ID!) {\n        orderStatusChanged(orderId: $orderId) { id status payment { clientSecret } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductsPage($first: Int, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id sku name price { amount currency } status stock { productId onHand reserved available lowStock } } }\n    }\n  }\n"): (typeof documents)["\n  query ProductsPage($first: Int, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id sku name price { amount currency } status stock { productId onHand reserved available lowStock } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductById($id: ID!) {\n    product(id: $id) { id name description price { amount currency } stock { available } }\n  }\n"): (typeof documents)["\n  query ProductById($id: ID!) {\n    product(id: $id) { id name description price { amount currency } stock { available } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id email name roles }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id email name roles }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total { amount currency }\n      customer { id email }\n      payment { status provider amount { amount } clientSecret }\n      lines { quantity unitPrice { amount } lineTotal { amount } product { id name stock { available } } }\n    }\n  }\n"): (typeof documents)["\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total { amount currency }\n      customer { id email }\n      payment { status provider amount { amount } clientSecret }\n      lines { quantity unitPrice { amount } lineTotal { amount } product { id name stock { available } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query TooDeep {\n        me { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }\n      }\n    "): (typeof documents)["\n      query TooDeep {\n        me { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { id name }\n  }\n"): (typeof documents)["\n  mutation KeysCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scopes lastUsedAt revokedAt } }\n  }\n"): (typeof documents)["\n  mutation KeysCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scopes lastUsedAt revokedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation KeysRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysAuditOf($filter: AuditFilter) {\n    auditLog(filter: $filter, first: 50) { edges { node { actorId actorName actorRoles service action entityType entityId reason after } } }\n  }\n"): (typeof documents)["\n  query KeysAuditOf($filter: AuditFilter) {\n    auditLog(filter: $filter, first: 50) { edges { node { actorId actorName actorRoles service action entityType entityId reason after } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaStart($password: String!) {\n    startMfaEnrollment(password: $password) { secret otpauthUri qrCodeDataUri }\n  }\n"): (typeof documents)["\n  mutation MfaStart($password: String!) {\n    startMfaEnrollment(password: $password) { secret otpauthUri qrCodeDataUri }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaConfirm($code: String!) {\n    confirmMfaEnrollment(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }\n  }\n"): (typeof documents)["\n  mutation MfaConfirm($code: String!) {\n    confirmMfaEnrollment(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaStepUp($code: String!) {\n    stepUpMfa(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }\n  }\n"): (typeof documents)["\n  mutation MfaStepUp($code: String!) {\n    stepUpMfa(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaVerifyChallenge($challenge: String!, $code: String!) {\n    verifyMfaChallenge(challenge: $challenge, code: $code) { accessToken refreshToken user { id email mfaEnabled recoveryCodesLeft } }\n  }\n"): (typeof documents)["\n  mutation MfaVerifyChallenge($challenge: String!, $code: String!) {\n    verifyMfaChallenge(challenge: $challenge, code: $code) { accessToken refreshToken user { id email mfaEnabled recoveryCodesLeft } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MfaLogin($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken }\n  }\n"): (typeof documents)["\n  mutation MfaLogin($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersSupportCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation OrdersSupportCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersSupportSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n"): (typeof documents)["\n  mutation OrdersSupportSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderFields on Order {\n    id\n    status\n    version\n    total { amount currency }\n    refunded { amount }\n    lines { quantity unitPrice { amount currency } lineTotal { amount } product { id } }\n    statusHistory { from to actor reason }\n    payment { status amount { amount currency } }\n  }\n"): (typeof documents)["\n  fragment OrderFields on Order {\n    id\n    status\n    version\n    total { amount currency }\n    refunded { amount }\n    lines { quantity unitPrice { amount currency } lineTotal { amount } product { id } }\n    statusHistory { from to actor reason }\n    payment { status amount { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { ...OrderFields }\n  }\n"): (typeof documents)["\n  mutation OrdersPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersReadOrder($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n"): (typeof documents)["\n  query OrdersReadOrder($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n"): (typeof documents)["\n  mutation OrdersConfirmPayment($orderId: ID!, $paymentMethod: String!) {\n    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersCancelOrder($id: ID!, $reason: String) {\n    cancelOrder(id: $id, reason: $reason) { ...OrderFields }\n  }\n"): (typeof documents)["\n  mutation OrdersCancelOrder($id: ID!, $reason: String) {\n    cancelOrder(id: $id, reason: $reason) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersShipOrder($id: ID!) {\n    shipOrder(id: $id) { ...OrderFields }\n  }\n"): (typeof documents)["\n  mutation OrdersShipOrder($id: ID!) {\n    shipOrder(id: $id) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShoppingDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { status }\n  }\n"): (typeof documents)["\n  mutation ShoppingDeliverOrder($id: ID!) {\n    deliverOrder(id: $id) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TracedProducts {\n    products(first: 1) { edges { node { name stock { available } } } }\n  }\n"): (typeof documents)["\n  query TracedProducts {\n    products(first: 1) { edges { node { name stock { available } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MigrationLamp($id: ID!) {\n    product(id: $id) {\n      sku\n      stock { onHand reserved }\n      variants { id sku title isDefault optionValues { option } price { amount currency } attributes { key value } media { url alt } status stock { onHand reserved } }\n    }\n  }\n"): (typeof documents)["\n  query MigrationLamp($id: ID!) {\n    product(id: $id) {\n      sku\n      stock { onHand reserved }\n      variants { id sku title isDefault optionValues { option } price { amount currency } attributes { key value } media { url alt } status stock { onHand reserved } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MigrationOrder($id: ID!) {\n    order(id: $id) { status lines { product { id } variant { id sku } sku quantity } }\n  }\n"): (typeof documents)["\n  query MigrationOrder($id: ID!) {\n    order(id: $id) { status lines { product { id } variant { id sku } sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MigrationCart {\n    cart { lines { product { id } variant { id } quantity unitPrice { amount } } }\n  }\n"): (typeof documents)["\n  query MigrationCart {\n    cart { lines { product { id } variant { id } quantity unitPrice { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MigrationPlaceFromCart {\n    placeOrderFromCart { status lines { variant { id } sku quantity } }\n  }\n"): (typeof documents)["\n  mutation MigrationPlaceFromCart {\n    placeOrderFromCart { status lines { variant { id } sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id variants { id sku title isDefault optionValues { option value } price { amount currency } status } }\n  }\n"): (typeof documents)["\n  mutation VariantsCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id variants { id sku title isDefault optionValues { option value } price { amount currency } status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {\n    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) {\n      id\n      options { name values }\n      variants { id title optionValues { option value } }\n    }\n  }\n"): (typeof documents)["\n  mutation VariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {\n    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) {\n      id\n      options { name values }\n      variants { id title optionValues { option value } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsAdd($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku title isDefault optionValues { option value } price { amount currency } status product { id } }\n  }\n"): (typeof documents)["\n  mutation VariantsAdd($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id sku title isDefault optionValues { option value } price { amount currency } status product { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsUpdate($id: ID!, $input: UpdateProductVariantInput!) {\n    updateProductVariant(id: $id, input: $input) { id price { amount } status }\n  }\n"): (typeof documents)["\n  mutation VariantsUpdate($id: ID!, $input: UpdateProductVariantInput!) {\n    updateProductVariant(id: $id, input: $input) { id price { amount } status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsArchive($id: ID!) {\n    archiveProductVariant(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation VariantsArchive($id: ID!) {\n    archiveProductVariant(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id price { amount } }\n  }\n"): (typeof documents)["\n  mutation VariantsUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) { id price { amount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VariantsProductPage($id: ID, $sku: String) {\n    product(id: $id, sku: $sku) {\n      id\n      options { name values }\n      stock { productId variantId onHand reserved available }\n      variants { id sku title optionValues { option value } price { amount } stock { productId variantId onHand reserved available } }\n    }\n  }\n"): (typeof documents)["\n  query VariantsProductPage($id: ID, $sku: String) {\n    product(id: $id, sku: $sku) {\n      id\n      options { name values }\n      stock { productId variantId onHand reserved available }\n      variants { id sku title optionValues { option value } price { amount } stock { productId variantId onHand reserved available } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VariantsBySku($sku: String!) {\n    productVariant(sku: $sku) { id title product { id } }\n  }\n"): (typeof documents)["\n  query VariantsBySku($sku: String!) {\n    productVariant(sku: $sku) { id title product { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId variantId onHand product { id } }\n  }\n"): (typeof documents)["\n  mutation VariantsSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { productId variantId onHand product { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsSetStockBySku($sku: String!, $onHand: Int!) {\n    setStockBySku(sku: $sku, onHand: $onHand) { productId variantId onHand }\n  }\n"): (typeof documents)["\n  mutation VariantsSetStockBySku($sku: String!, $onHand: Int!) {\n    setStockBySku(sku: $sku, onHand: $onHand) { productId variantId onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsAddToCart($productId: ID, $variantId: ID, $quantity: Int!) {\n    addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {\n      lines { product { id } variant { id sku title } quantity unitPrice { amount } available }\n      total { amount }\n    }\n  }\n"): (typeof documents)["\n  mutation VariantsAddToCart($productId: ID, $variantId: ID, $quantity: Int!) {\n    addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {\n      lines { product { id } variant { id sku title } quantity unitPrice { amount } available }\n      total { amount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsPlaceFromCart {\n    placeOrderFromCart { id status total { amount } lines { product { id } variant { id title } sku optionValues { option value } quantity unitPrice { amount } } }\n  }\n"): (typeof documents)["\n  mutation VariantsPlaceFromCart {\n    placeOrderFromCart { id status total { amount } lines { product { id } variant { id title } sku optionValues { option value } quantity unitPrice { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status lines { product { id } variant { id } sku quantity } }\n  }\n"): (typeof documents)["\n  mutation VariantsPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) { id status lines { product { id } variant { id } sku quantity } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription VariantsWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId variantId onHand reserved }\n  }\n"): (typeof documents)["\n  subscription VariantsWatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId variantId onHand reserved }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VariantsAuditLog($filter: AuditFilter) {\n    auditLog(first: 20, filter: $filter) { edges { node { action entityType entityId actorId before after } } }\n  }\n"): (typeof documents)["\n  query VariantsAuditLog($filter: AuditFilter) {\n    auditLog(first: 20, filter: $filter) { edges { node { action entityType entityId actorId before after } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsWalkWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation VariantsWalkWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsWalkSetStockIn($productId: ID!, $onHand: Int!, $warehouseId: ID) {\n    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { productId onHand product { id } }\n  }\n"): (typeof documents)["\n  mutation VariantsWalkSetStockIn($productId: ID!, $onHand: Int!, $warehouseId: ID) {\n    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { productId onHand product { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsWalkTransfer($input: TransferStockInput!) {\n    transferStock(input: $input) { productId quantity stock { warehouse { code } productId onHand } }\n  }\n"): (typeof documents)["\n  mutation VariantsWalkTransfer($input: TransferStockInput!) {\n    transferStock(input: $input) { productId quantity stock { warehouse { code } productId onHand } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VariantsWalkStock($id: ID!) {\n    product(id: $id) {\n      stock { onHand reserved }\n      stockByWarehouse { warehouse { code } productId variant { id } product { id } onHand reserved }\n      variants { id stock { onHand reserved } stockByWarehouse { warehouse { code } product { id } onHand reserved } }\n    }\n  }\n"): (typeof documents)["\n  query VariantsWalkStock($id: ID!) {\n    product(id: $id) {\n      stock { onHand reserved }\n      stockByWarehouse { warehouse { code } productId variant { id } product { id } onHand reserved }\n      variants { id stock { onHand reserved } stockByWarehouse { warehouse { code } product { id } onHand reserved } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsWalkPriceRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation VariantsWalkPriceRule($input: PriceRuleInput!) {\n    createPriceRule(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsWalkPromotion($input: PromotionInput!) {\n    createPromotion(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation VariantsWalkPromotion($input: PromotionInput!) {\n    createPromotion(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VariantsWalkTotals on Totals {\n    pricesIncludeTax\n    subtotal { amount currency }\n    discounts { source code amount { amount } }\n    discountTotal { amount }\n    taxes { category rate base { amount } amount { amount } }\n    taxTotal { amount }\n    total { amount currency }\n    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }\n  }\n"): (typeof documents)["\n  fragment VariantsWalkTotals on Totals {\n    pricesIncludeTax\n    subtotal { amount currency }\n    discounts { source code amount { amount } }\n    discountTotal { amount }\n    taxes { category rate base { amount } amount { amount } }\n    taxTotal { amount }\n    total { amount currency }\n    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsWalkApplyCode($code: String!) {\n    applyDiscountCode(code: $code) { totals { ...VariantsWalkTotals } }\n  }\n"): (typeof documents)["\n  mutation VariantsWalkApplyCode($code: String!) {\n    applyDiscountCode(code: $code) { totals { ...VariantsWalkTotals } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VariantsWalkPlace($expectedTotal: Int) {\n    placeOrderFromCart(expectedTotal: $expectedTotal) { id status total { amount } lines { variant { id } quantity unitPrice { amount } } totals { ...VariantsWalkTotals } payment { amount { amount } } }\n  }\n"): (typeof documents)["\n  mutation VariantsWalkPlace($expectedTotal: Int) {\n    placeOrderFromCart(expectedTotal: $expectedTotal) { id status total { amount } lines { variant { id } quantity unitPrice { amount } } totals { ...VariantsWalkTotals } payment { amount { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VariantsWalkOrder($id: ID!) {\n    order(id: $id) { status total { amount } totals { ...VariantsWalkTotals } }\n  }\n"): (typeof documents)["\n  query VariantsWalkOrder($id: ID!) {\n    order(id: $id) { status total { amount } totals { ...VariantsWalkTotals } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WarehousesCreate($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id code name country region city priority active }\n  }\n"): (typeof documents)["\n  mutation WarehousesCreate($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id code name country region city priority active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WarehousesUpdate($id: ID!, $input: UpdateWarehouseInput!) {\n    updateWarehouse(id: $id, input: $input) { id active priority }\n  }\n"): (typeof documents)["\n  mutation WarehousesUpdate($id: ID!, $input: UpdateWarehouseInput!) {\n    updateWarehouse(id: $id, input: $input) { id active priority }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarehousesList {\n    warehouses { id code priority active }\n  }\n"): (typeof documents)["\n  query WarehousesList {\n    warehouses { id code priority active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WarehousesSetStock($productId: ID!, $onHand: Int!, $warehouseId: ID) {\n    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { onHand reserved available }\n  }\n"): (typeof documents)["\n  mutation WarehousesSetStock($productId: ID!, $onHand: Int!, $warehouseId: ID) {\n    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { onHand reserved available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarehousesProductStock($id: ID!) {\n    product(id: $id) {\n      stock { onHand reserved available }\n      stockByWarehouse { warehouse { code } onHand reserved available lowStock lowStockThreshold }\n    }\n  }\n"): (typeof documents)["\n  query WarehousesProductStock($id: ID!) {\n    product(id: $id) {\n      stock { onHand reserved available }\n      stockByWarehouse { warehouse { code } onHand reserved available lowStock lowStockThreshold }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WarehousesTransfer($input: TransferStockInput!) {\n    transferStock(input: $input) { id productId fromWarehouseId toWarehouseId quantity reason stock { warehouse { code } onHand reserved } }\n  }\n"): (typeof documents)["\n  mutation WarehousesTransfer($input: TransferStockInput!) {\n    transferStock(input: $input) { id productId fromWarehouseId toWarehouseId quantity reason stock { warehouse { code } onHand reserved } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarehousesLowStock($warehouseId: ID!) {\n    warehouseLowStock(warehouseId: $warehouseId, first: 100) { totalCount edges { node { productId available lowStockThreshold product { id } } } }\n  }\n"): (typeof documents)["\n  query WarehousesLowStock($warehouseId: ID!) {\n    warehouseLowStock(warehouseId: $warehouseId, first: 100) { totalCount edges { node { productId available lowStockThreshold product { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WarehousesSetThreshold($warehouseId: ID!, $productId: ID!, $threshold: Int!) {\n    setWarehouseLowStockThreshold(warehouseId: $warehouseId, productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }\n  }\n"): (typeof documents)["\n  mutation WarehousesSetThreshold($warehouseId: ID!, $productId: ID!, $threshold: Int!) {\n    setWarehouseLowStockThreshold(warehouseId: $warehouseId, productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarehousesMovements($productId: ID!) {\n    stockMovements(productId: $productId, first: 50) { edges { node { kind warehouseId onHandDelta reservedDelta onHandAfter reservedAfter warehouseOnHandAfter warehouseReservedAfter orderId } } }\n  }\n"): (typeof documents)["\n  query WarehousesMovements($productId: ID!) {\n    stockMovements(productId: $productId, first: 50) { edges { node { kind warehouseId onHandDelta reservedDelta onHandAfter reservedAfter warehouseOnHandAfter warehouseReservedAfter orderId } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarehousesAudit($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) { edges { node { action entityType entityId reason before after } } }\n  }\n"): (typeof documents)["\n  query WarehousesAudit($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) { edges { node { action entityType entityId reason before after } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebStripeOrder($id: ID!) {\n    order(id: $id) { status payment { status provider } statusHistory { to } }\n  }\n"): (typeof documents)["\n  query WebStripeOrder($id: ID!) {\n    order(id: $id) { status payment { status provider } statusHistory { to } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebOrder($id: ID!) {\n    order(id: $id) { payment { status } statusHistory { to } }\n  }\n"): (typeof documents)["\n  query WebOrder($id: ID!) {\n    order(id: $id) { payment { status } statusHistory { to } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebProductBySku($sku: String!) {\n    product(sku: $sku) { id name status }\n  }\n"): (typeof documents)["\n  query WebProductBySku($sku: String!) {\n    product(sku: $sku) { id name status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation WebCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n"): (typeof documents)["\n  mutation WebSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {\n    setProductOptions(productId: $productId, options: $options) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation WebAddVariant($productId: ID!, $input: AddProductVariantInput!) {\n    addProductVariant(productId: $productId, input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HooksRegister($input: RegisterWebhookEndpointInput!) {\n    registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes } }\n  }\n"): (typeof documents)["\n  mutation HooksRegister($input: RegisterWebhookEndpointInput!) {\n    registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HooksRemove($id: ID!) {\n    removeWebhookEndpoint(id: $id) { id removedAt }\n  }\n"): (typeof documents)["\n  mutation HooksRemove($id: ID!) {\n    removeWebhookEndpoint(id: $id) { id removedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HooksDeliveries($filter: WebhookDeliveryFilter) {\n    webhookDeliveries(filter: $filter, first: 100) { edges { node { id eventId eventType status attempts lastStatusCode lastError deliveredAt } } }\n  }\n"): (typeof documents)["\n  query HooksDeliveries($filter: WebhookDeliveryFilter) {\n    webhookDeliveries(filter: $filter, first: 100) { edges { node { id eventId eventType status attempts lastStatusCode lastError deliveredAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HooksRedeliver($id: ID!) {\n    redeliverWebhook(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation HooksRedeliver($id: ID!) {\n    redeliverWebhook(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HooksRename($id: ID!, $name: String!) {\n    updateProduct(id: $id, input: { name: $name }) { id name }\n  }\n"): (typeof documents)["\n  mutation HooksRename($id: ID!, $name: String!) {\n    updateProduct(id: $id, input: { name: $name }) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HooksSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand }\n  }\n"): (typeof documents)["\n  mutation HooksSetStock($productId: ID!, $onHand: Int!) {\n    setStock(productId: $productId, onHand: $onHand) { onHand }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HooksThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) { lowStockThreshold }\n  }\n"): (typeof documents)["\n  mutation HooksThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) { lowStockThreshold }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;